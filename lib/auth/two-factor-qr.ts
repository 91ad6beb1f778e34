import "server-only";
// The enrolment screen's QR code, drawn on the server as an inline SVG (the CSP allows no external images, and the
// secret never leaves the server in a URL), with the same secret as text for typing into an app by hand.
import QRCode from "qrcode";
import { groupSecret, otpauthUri } from "./two-factor";

export async function enrolmentView(secret: string, email: string): Promise<{ svg: string; groupedSecret: string }> {
  const svg = await QRCode.toString(otpauthUri(secret, email), { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return { svg, groupedSecret: groupSecret(secret) };
}
