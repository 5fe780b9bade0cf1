// Translation keys of the eSCL document-scanner driver (sentences in messages.ts).
export const ESCL_KEYS = {
  unreachable: 'device.escl.unreachable',
  vanished: 'device.escl.vanished',
  busy: 'device.escl.busy',
  timeout: 'device.escl.timeout',
  feederEmpty: 'device.escl.feederEmpty',
  jammed: 'device.escl.jammed',
  coverOpen: 'device.escl.coverOpen',
  cancelled: 'device.escl.cancelled',
  cancelledAtDevice: 'device.escl.cancelledAtDevice',
  noPages: 'device.escl.noPages',
  sourceUnavailable: 'device.escl.sourceUnavailable',
  settingUnsupported: 'device.escl.settingUnsupported',
  badResponse: 'device.escl.badResponse',
  scanRunning: 'device.escl.scanRunning',
  nothingUsable: 'device.escl.nothingUsable',
} as const;
