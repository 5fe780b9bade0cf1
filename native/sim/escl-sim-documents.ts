// The XML documents the eSCL simulator serves. Written out literally because they are the
// device's fixed answers; shaped after what real scanners send and what sane-airscan's
// strict reader needs: scan:Platen/scan:PlatenInputCaps and scan:Adf/scan:AdfSimplexInputCaps
// with Min/Max sizes, SettingProfiles (ColorModes, DocumentFormats with both
// pwg:DocumentFormat and scan:DocumentFormatExt, SupportedResolutions/DiscreteResolutions).
import { ESCL_NS } from '../drivers/escl/escl-xml';

export const SIM_RESOLUTIONS = [75, 100, 150, 200, 300, 600] as const;
export const SIM_COLOR_MODES = ['Grayscale8', 'RGB24'] as const;
export const SIM_FORMATS = ['image/jpeg', 'image/png'] as const;
/** A4 plus a little, in 1/300 inch: 8.5 × 11.7 in. */
export const SIM_MAX_WIDTH = 2550;
export const SIM_MAX_HEIGHT = 3508;

function inputCaps(tag: string): string {
  const modes = SIM_COLOR_MODES.map((m) => `<scan:ColorMode>${m}</scan:ColorMode>`).join('');
  const formats = SIM_FORMATS.map((f) => `<pwg:DocumentFormat>${f}</pwg:DocumentFormat><scan:DocumentFormatExt>${f}</scan:DocumentFormatExt>`).join('');
  const res = SIM_RESOLUTIONS.map((r) => `<scan:DiscreteResolution><scan:XResolution>${r}</scan:XResolution><scan:YResolution>${r}</scan:YResolution></scan:DiscreteResolution>`).join('');
  return `<scan:${tag}>
      <scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>${SIM_MAX_WIDTH}</scan:MaxWidth>
      <scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>${SIM_MAX_HEIGHT}</scan:MaxHeight>
      <scan:MaxScanRegions>1</scan:MaxScanRegions>
      <scan:SettingProfiles><scan:SettingProfile>
        <scan:ColorModes>${modes}</scan:ColorModes>
        <scan:DocumentFormats>${formats}</scan:DocumentFormats>
        <scan:SupportedResolutions><scan:DiscreteResolutions>${res}</scan:DiscreteResolutions></scan:SupportedResolutions>
      </scan:SettingProfile></scan:SettingProfiles>
      <scan:SupportedIntents><scan:Intent>Document</scan:Intent><scan:Intent>Photo</scan:Intent></scan:SupportedIntents>
      <scan:MaxOpticalXResolution>600</scan:MaxOpticalXResolution><scan:MaxOpticalYResolution>600</scan:MaxOpticalYResolution>
    </scan:${tag}>`;
}

export function capabilitiesXml(opts: { makeAndModel: string; serialNumber: string; uuid: string; feeder: boolean }): string {
  const adf = opts.feeder
    ? `<scan:Adf>
    ${inputCaps('AdfSimplexInputCaps')}
    <scan:FeederCapacity>50</scan:FeederCapacity>
    <scan:AdfOptions><scan:AdfOption>DetectPaperLoaded</scan:AdfOption></scan:AdfOptions>
  </scan:Adf>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="${ESCL_NS.scan}" xmlns:pwg="${ESCL_NS.pwg}">
  <pwg:Version>2.63</pwg:Version>
  <pwg:MakeAndModel>${opts.makeAndModel}</pwg:MakeAndModel>
  <pwg:SerialNumber>${opts.serialNumber}</pwg:SerialNumber>
  <scan:UUID>${opts.uuid}</scan:UUID>
  <scan:Platen>
    ${inputCaps('PlatenInputCaps')}
  </scan:Platen>
  ${adf}
</scan:ScannerCapabilities>
`;
}

export interface SimJobView {
  uri: string;
  uuid: string;
  state: 'Pending' | 'Processing' | 'Completed' | 'Canceled' | 'Aborted';
  reason: string;
  imagesCompleted: number;
  imagesToTransfer: number;
  age: number;
}

export function statusXml(state: 'Idle' | 'Processing', adfState: string | undefined, jobs: SimJobView[]): string {
  const jobXml = jobs
    .map(
      (j) => `<scan:JobInfo>
      <pwg:JobUri>${j.uri}</pwg:JobUri><pwg:JobUuid>${j.uuid}</pwg:JobUuid><scan:Age>${j.age}</scan:Age>
      <pwg:ImagesCompleted>${j.imagesCompleted}</pwg:ImagesCompleted><pwg:ImagesToTransfer>${j.imagesToTransfer}</pwg:ImagesToTransfer>
      <pwg:JobState>${j.state}</pwg:JobState>
      <pwg:JobStateReasons><pwg:JobStateReason>${j.reason}</pwg:JobStateReason></pwg:JobStateReasons>
    </scan:JobInfo>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerStatus xmlns:scan="${ESCL_NS.scan}" xmlns:pwg="${ESCL_NS.pwg}">
  <pwg:Version>2.63</pwg:Version>
  <pwg:State>${state}</pwg:State>
  ${adfState ? `<scan:AdfState>${adfState}</scan:AdfState>` : ''}
  <scan:Jobs>${jobXml}</scan:Jobs>
</scan:ScannerStatus>
`;
}
