import "server-only";
import { generateURI } from "otplib";
import QRCode from "qrcode";
import type { User } from "@/lib/db/schema";
import { maskMobile } from "@/lib/identifier/mask-identifier";
import type { TotpEnrolment } from "@/lib/two-step/totp-enrolment";
import { TOTP_ISSUER, TOTP_PERIOD_S } from "./totp-policy";

/** What the person needs to add the app: the key to type (in groups of four), the otpauth:// URI and its QR code as SVG. */
export async function describeTotpEnrolment(user: Pick<User, "email" | "mobile">, secret: string): Promise<TotpEnrolment> {
  const label = user.email ?? (user.mobile ? maskMobile(user.mobile) : "");
  const uri = generateURI({ issuer: TOTP_ISSUER, label, secret, algorithm: "sha1", digits: 6, period: TOTP_PERIOD_S });
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { key: secret.match(/.{1,4}/g)?.join(" ") ?? secret, uri, qrSvg };
}
