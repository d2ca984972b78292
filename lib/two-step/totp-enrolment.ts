/** An authenticator app being added: shown to the browser until the first code confirms it. */
export type TotpEnrolment = {
  /** The base32 key in groups of four, for typing into the app. */
  key: string;
  /** otpauth://totp/… */
  uri: string;
  /** The URI's QR code, rendered on the server. */
  qrSvg: string;
};
