// eSCL (AirScan) XML: the ScanSettings we send and the ScannerCapabilities / ScannerStatus
// we read. Scanners spell namespace prefixes differently, so responses are parsed with the
// prefixes stripped and elements matched by local name. Shared by the client and the
// simulator (which reads ScanSettings with the same parser).
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

export const ESCL_NS = {
  scan: 'http://schemas.hp.com/imaging/escl/2011/05/03',
  pwg: 'http://www.pwg.org/schemas/2010/12/sm',
} as const;

export type EsclSource = 'Platen' | 'Feeder';
export type EsclColorMode = 'RGB24' | 'Grayscale8' | 'BlackAndWhite1';
export type EsclFormat = 'image/jpeg' | 'image/png' | 'application/pdf';

/** A scan region in 1/300 inch (escl:ThreeHundredthsOfInches). */
export interface EsclRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EsclScanSettings {
  source: EsclSource;
  colorMode: EsclColorMode;
  /** Dots per inch, same in x and y. */
  resolution: number;
  region: EsclRegion;
  format: EsclFormat;
  duplex?: boolean;
}

export interface EsclSourceCaps {
  /** Sizes in 1/300 inch. */
  minWidth: number;
  maxWidth: number;
  minHeight: number;
  maxHeight: number;
  colorModes: string[];
  formats: string[];
  resolutions: number[];
  /** Scanners that take any resolution in a range say so instead of (or beside) a list. */
  resolutionRange?: { min: number; max: number; step: number };
}

export interface EsclCapabilities {
  version?: string;
  makeAndModel?: string;
  serialNumber?: string;
  platen?: EsclSourceCaps;
  feeder?: EsclSourceCaps;
  duplex: boolean;
}

export interface EsclJobInfo {
  uri: string;
  state: string;
  reasons: string[];
  imagesCompleted?: number;
}

export interface EsclStatus {
  /** pwg:State: Idle, Processing, Testing, Stopped, Down. */
  state: string;
  /** scan:AdfState, e.g. ScannerAdfLoaded, ScannerAdfEmpty, ScannerAdfJam. */
  adfState?: string;
  jobs: EsclJobInfo[];
}

const ARRAY_TAGS = new Set(['ColorMode', 'DocumentFormat', 'DocumentFormatExt', 'DiscreteResolution', 'SettingProfile', 'JobInfo', 'JobStateReason', 'ScanRegion']);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ARRAY_TAGS.has(name),
});

type Node = Record<string, unknown>;
const obj = (v: unknown): Node => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const int = (v: unknown): number => {
  const n = Number.parseInt(text(v) ?? '', 10);
  return Number.isFinite(n) ? n : 0;
};

/** Parses XML, or returns undefined when it is not XML at all. */
export function parseXml(xml: string): Node | undefined {
  try {
    return obj(parser.parse(xml));
  } catch {
    return undefined;
  }
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressBooleanAttributes: false });

export function buildScanSettings(s: EsclScanSettings): string {
  const doc: Node = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'scan:ScanSettings': {
      '@_xmlns:scan': ESCL_NS.scan,
      '@_xmlns:pwg': ESCL_NS.pwg,
      'pwg:Version': '2.6',
      'pwg:ScanRegions': {
        'pwg:ScanRegion': {
          'pwg:ContentRegionUnits': 'escl:ThreeHundredthsOfInches',
          'pwg:XOffset': Math.round(s.region.x),
          'pwg:YOffset': Math.round(s.region.y),
          'pwg:Width': Math.round(s.region.width),
          'pwg:Height': Math.round(s.region.height),
        },
      },
      'pwg:InputSource': s.source,
      'scan:ColorMode': s.colorMode,
      'pwg:DocumentFormat': s.format,
      'scan:DocumentFormatExt': s.format,
      'scan:XResolution': s.resolution,
      'scan:YResolution': s.resolution,
      ...(s.source === 'Feeder' ? { 'scan:Duplex': s.duplex ? 'true' : 'false' } : {}),
    },
  };
  return builder.build(doc) as string;
}

/** Reads ScanSettings (as the simulator receives them); undefined when the body is not one. */
export function parseScanSettings(xml: string): EsclScanSettings | undefined {
  const root = parseXml(xml)?.ScanSettings;
  if (root === undefined) return undefined;
  const s = obj(root);
  const region = obj(arr(obj(s.ScanRegions).ScanRegion)[0]);
  // pwg:InputSource and the older scan:InputSource share a local name.
  const source = text(s.InputSource) ?? 'Platen';
  const format = text(arr(s.DocumentFormatExt)[0]) ?? text(arr(s.DocumentFormat)[0]) ?? 'image/jpeg';
  const resolution = int(s.XResolution) || 300;
  return {
    source: source === 'Feeder' ? 'Feeder' : 'Platen',
    colorMode: (text(arr(s.ColorMode)[0]) ?? 'RGB24') as EsclColorMode,
    resolution,
    region: { x: int(region.XOffset), y: int(region.YOffset), width: int(region.Width), height: int(region.Height) },
    format: format as EsclFormat,
    duplex: text(s.Duplex) === 'true',
  };
}

function sourceCaps(node: unknown): EsclSourceCaps | undefined {
  if (node === undefined) return undefined;
  const n = obj(node);
  const profiles = arr(obj(n.SettingProfiles).SettingProfile).map(obj);
  const colorModes = new Set<string>();
  const formats = new Set<string>();
  const resolutions = new Set<number>();
  let resolutionRange: EsclSourceCaps['resolutionRange'];
  for (const p of profiles) {
    for (const c of arr(obj(p.ColorModes).ColorMode)) if (text(c)) colorModes.add(text(c)!);
    const f = obj(p.DocumentFormats);
    for (const d of [...arr(f.DocumentFormat), ...arr(f.DocumentFormatExt)]) if (text(d)) formats.add(text(d)!);
    for (const r of arr(obj(obj(p.SupportedResolutions).DiscreteResolutions).DiscreteResolution).map(obj)) {
      const x = int(r.XResolution);
      if (x > 0 && x === int(r.YResolution)) resolutions.add(x);
    }
    const range = obj(obj(obj(p.SupportedResolutions).ResolutionRange).XResolutionRange);
    const [min, max] = [int(range.Min), int(range.Max)];
    if (min > 0 && max >= min) resolutionRange = { min, max, step: Math.max(1, int(range.Step) || 1) };
  }
  const caps: EsclSourceCaps = {
    minWidth: int(n.MinWidth),
    maxWidth: int(n.MaxWidth),
    minHeight: int(n.MinHeight),
    maxHeight: int(n.MaxHeight),
    colorModes: [...colorModes],
    formats: [...formats],
    resolutions: [...resolutions].sort((a, b) => a - b),
  };
  if (resolutionRange) caps.resolutionRange = resolutionRange;
  return caps;
}

export function parseCapabilities(xml: string): EsclCapabilities | undefined {
  const root = parseXml(xml)?.ScannerCapabilities;
  if (root === undefined) return undefined;
  const c = obj(root);
  const adf = obj(c.Adf);
  const caps: EsclCapabilities = { duplex: adf.AdfDuplexInputCaps !== undefined };
  const version = text(c.Version);
  const makeAndModel = text(c.MakeAndModel);
  const serialNumber = text(c.SerialNumber);
  if (version) caps.version = version;
  if (makeAndModel) caps.makeAndModel = makeAndModel;
  if (serialNumber) caps.serialNumber = serialNumber;
  const platen = sourceCaps(obj(c.Platen).PlatenInputCaps);
  const feeder = sourceCaps(adf.AdfSimplexInputCaps);
  if (platen) caps.platen = platen;
  if (feeder) caps.feeder = feeder;
  return caps;
}

export function parseStatus(xml: string): EsclStatus | undefined {
  const root = parseXml(xml)?.ScannerStatus;
  if (root === undefined) return undefined;
  const s = obj(root);
  const status: EsclStatus = {
    state: text(s.State) ?? 'Unknown',
    jobs: arr(obj(s.Jobs).JobInfo).map(obj).map((j) => {
      const info: EsclJobInfo = {
        uri: text(j.JobUri) ?? '',
        state: text(j.JobState) ?? 'Unknown',
        reasons: arr(obj(j.JobStateReasons).JobStateReason).map(text).filter((x): x is string => !!x),
      };
      if (j.ImagesCompleted !== undefined) info.imagesCompleted = int(j.ImagesCompleted);
      return info;
    }),
  };
  const adf = text(s.AdfState);
  if (adf) status.adfState = adf;
  return status;
}
