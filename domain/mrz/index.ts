// The MRZ domain's public surface: read (parse + validate), compose (TD3 for books we
// print), compare with booking data, and the sentences for its translation keys.
export { parseMrz, checkMrzStructure, splitMrzText, mrzCheckDigitsHold } from './parse-mrz';
export type { ParseMrzOptions } from './parse-mrz';
export { composeTd3 } from './compose-td3';
export type { Td3Input, ComposeTd3Result, ComposeTd3Error, ComposeTd3ErrorKey } from './compose-td3';
export { compareWithBooking } from './compare-booking';
export type { BookingIdentity, BookingDisagreement, BookingField } from './compare-booking';
export { mrzCheckDigit } from './check-digit';
export { mrzDateToIso, isoToMrzDate } from './mrz-dates';
export { transliterateName } from './transliterate';
export { composeNameField, TD3_NAME_WIDTH } from './mrz-name-field';
export { mrzDomainMessages } from './messages';
export type * from './mrz-types';
