// eSCL XML: what we send and how tolerant our reading is of other scanners' spelling.
import { describe, expect, it } from 'vitest';
import { buildScanSettings, parseCapabilities, parseScanSettings, parseStatus } from '../../../native/drivers/escl/escl-xml';
import { capabilitiesXml } from '../../../native/sim/escl-sim-documents';

describe('eSCL XML', () => {
  it('builds ScanSettings with the eSCL and PWG namespaces, region in 1/300 inch', () => {
    const xml = buildScanSettings({ source: 'Feeder', colorMode: 'Grayscale8', resolution: 200, format: 'image/png', region: { x: 10, y: 20, width: 2480, height: 3508 }, duplex: false });
    expect(xml).toContain('xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03"');
    expect(xml).toContain('xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm"');
    expect(xml).toContain('<pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>');
    expect(xml).toContain('<pwg:InputSource>Feeder</pwg:InputSource>');
    expect(xml).toContain('<scan:Duplex>false</scan:Duplex>');
    expect(parseScanSettings(xml)).toEqual({ source: 'Feeder', colorMode: 'Grayscale8', resolution: 200, format: 'image/png', region: { x: 10, y: 20, width: 2480, height: 3508 }, duplex: false });
  });

  it('reads sane-airscan-style ScanSettings (scan:InputSource absent, DocumentFormat only)', () => {
    const xml = `<?xml version="1.0"?><scan:ScanSettings xmlns:scan="x" xmlns:pwg="y"><pwg:Version>2.0</pwg:Version>
      <pwg:ScanRegions><pwg:ScanRegion><pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>
      <pwg:XOffset>0</pwg:XOffset><pwg:YOffset>0</pwg:YOffset><pwg:Width>1181</pwg:Width><pwg:Height>1181</pwg:Height></pwg:ScanRegion></pwg:ScanRegions>
      <pwg:InputSource>Platen</pwg:InputSource><scan:ColorMode>RGB24</scan:ColorMode><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat>
      <scan:XResolution>150</scan:XResolution><scan:YResolution>150</scan:YResolution></scan:ScanSettings>`;
    expect(parseScanSettings(xml)).toMatchObject({ source: 'Platen', resolution: 150, format: 'image/jpeg', region: { width: 1181, height: 1181 } });
  });

  it('reads capabilities whatever the prefixes (default namespace, odd prefixes)', () => {
    const odd = capabilitiesXml({ makeAndModel: 'X', serialNumber: 'S', uuid: 'u', feeder: true }).replaceAll('scan:', 'ns2:').replaceAll('pwg:', 'ns1:').replace('xmlns:ns2', 'xmlns:ns2').replace('xmlns:ns1', 'xmlns:ns1');
    const caps = parseCapabilities(odd);
    expect(caps?.platen?.resolutions).toEqual([75, 100, 150, 200, 300, 600]);
    expect(caps?.feeder?.colorModes).toEqual(['Grayscale8', 'RGB24']);
    expect(parseCapabilities('<html/>')).toBeUndefined();
    expect(parseCapabilities('not xml <<<')).toBeUndefined();
  });

  it('reads status with jobs and ADF state', () => {
    const xml = `<scan:ScannerStatus xmlns:scan="a" xmlns:pwg="b"><pwg:State>Processing</pwg:State><scan:AdfState>ScannerAdfJam</scan:AdfState>
      <scan:Jobs><scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/7</pwg:JobUri><pwg:JobState>Aborted</pwg:JobState><pwg:ImagesCompleted>2</pwg:ImagesCompleted>
      <pwg:JobStateReasons><pwg:JobStateReason>ResourcesAreNotReady</pwg:JobStateReason></pwg:JobStateReasons></scan:JobInfo></scan:Jobs></scan:ScannerStatus>`;
    expect(parseStatus(xml)).toEqual({ state: 'Processing', adfState: 'ScannerAdfJam', jobs: [{ uri: '/eSCL/ScanJobs/7', state: 'Aborted', reasons: ['ResourcesAreNotReady'], imagesCompleted: 2 }] });
  });
});
