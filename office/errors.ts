// An error the office service answers with: an HTTP status, a stable code the station maps
// to its officer's language, and an English sentence that says what to do.
export class OfficeError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}
