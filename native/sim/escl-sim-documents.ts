// The XML documents the eSCL simulator serves. Written out literally because they are the
// device's fixed answers; shaped after what real scanners send and what sane-airscan's
// strict reader needs: scan:Platen/scan:PlatenInputCaps and scan:Adf/scan:AdfSimplexInputCaps
// with Min/Max sizes, SettingProfiles (ColorModes, DocumentFormats with both
// pwg:DocumentFormat and scan:DocumentFormatExt, SupportedResolutions/DiscreteResolutions).
import { ESCL_NS } from '../drivers/escl/escl-xml';

export const SIM_RESOLUTIONS = [75, 100, 150, 200, 300, 600] as const;
export const SIM_COLOR_MODES = ['Grayscale8', 'RGB24'] as const;
export const SIM_FORMATS = ['image/jpeg', 'image/png'] as const;

/** What one input source of the simulated scanner offers. */
export interface SimSourceOffer {
  resolutions: readonly number[];
  colorModes: readonly string[];
}

/**
 * Scanner models the simulator can stand for. 'wide' offers every common setting; 'office'
 * is a typical office multifunction unit: 150/300 dpi on the flatbed, 300 dpi only on the
 * feeder (no 200 dpi anywhere), as many scanners at counters are.
 */
export const SIM_PROFILES = {
  wide: { platen: { resolutions: SIM_RESOLUTIONS, colorModes: SIM_COLOR_MODES }, feeder: { resolutions: SIM_RESOLUTIONS, colorModes: SIM_COLOR_MODES } },
  office: { platen: { resolutions: [150, 300], colorModes: ['Grayscale8', 'RGB24'] }, feeder: { resolutions: [300], colorModes: ['Grayscale8', 'RGB24'] } },
} as const satisfies Record<string, { platen: SimSourceOffer; feeder: SimSourceOffer }>;
export type SimProfile = keyof typeof SIM_PROFILES;
/** A4 plus a little, in 1/300 inch: 8.5 × 11.7 in. */
export const SIM_MAX_WIDTH = 2550;
export const SIM_MAX_HEIGHT = 3508;

function inputCaps(tag: string, offer: SimSourceOffer): string {
  const modes = offer.colorModes.map((m) => `<scan:ColorMode>${m}</scan:ColorMode>`).join('');
  const formats = SIM_FORMATS.map((f) => `<pwg:DocumentFormat>${f}</pwg:DocumentFormat><scan:DocumentFormatExt>${f}</scan:DocumentFormatExt>`).join('');
  const res = offer.resolutions.map((r) => `<scan:DiscreteResolution><scan:XResolution>${r}</scan:XResolution><scan:YResolution>${r}</scan:YResolution></scan:DiscreteResolution>`).join('');
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
      <scan:MaxOpticalXResolution>${Math.max(...offer.resolutions)}</scan:MaxOpticalXResolution><scan:MaxOpticalYResolution>${Math.max(...offer.resolutions)}</scan:MaxOpticalYResolution>
    </scan:${tag}>`;
}

export function capabilitiesXml(opts: { makeAndModel: string; serialNumber: string; uuid: string; feeder: boolean; profile?: SimProfile }): string {
  const offer = SIM_PROFILES[opts.profile ?? 'wide'];
  const adf = opts.feeder
    ? `<scan:Adf>
    ${inputCaps('AdfSimplexInputCaps', offer.feeder)}
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
    ${inputCaps('PlatenInputCaps', offer.platen)}
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
