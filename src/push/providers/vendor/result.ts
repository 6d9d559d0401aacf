// Turning a vendor's answer into a PushResult the same way for every Android vendor: the vendor's own code in
// provider.reason (as text) and its words in provider.message (one line, no device token, no secret), the
// catalogue's cause and fix, and the certificate's standing warnings (a missing message classification).
import type { PushResult } from '../../types.js';
import type { PushVerdict } from '../../verdicts.js';
import { pushResult, scrub, stripSecrets } from '../result.js';
import type { ReasonEntry, TestContext } from '../types.js';

/** What every vendor's inspection hands its sender: the warnings every test result repeats. */
export interface VendorLoaded {
  /** Sentences such as the marketing-quota warning when the classification field is missing. */
  notes: string[];
}

export interface VendorFailure {
  /** The vendor's own code as text ("80300007", "10034", "invalid_client", "HTTP 503"). */
  reason: string;
  /** Its words, verbatim (cleaned of tokens and secrets by vendorResult). */
  message?: string;
  status?: number;
  /** Where the answer came from, for the cause: "Huawei Push Kit dry run (validate_only)". */
  step: string;
  entry: ReasonEntry;
  /** Added after the catalogue's cause (day_quota figures, the token's own problems…). */
  extra?: string;
}

/** A code the vendor sent that imops has no row for: shown verbatim, never a success. */
export function unknownReason(provider: string, vendor: string, reason: string, fix: string, verdict: PushVerdict = 'PROVIDER_UNAVAILABLE'): ReasonEntry {
  return { provider, reason, verdict, cause: `${vendor} answered with ${reason}, a code imops does not know.`, fix };
}

export function cleanVendorText(text: string, token: string, secrets: readonly string[] = []): string {
  let out = stripSecrets(scrub(text, token));
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[secret]');
  return oneLine(out);
}

export function vendorFailureResult(context: TestContext<{ platform: string }, VendorLoaded>, f: VendorFailure, secrets: readonly string[] = []): PushResult {
  const { device, loaded, tokenProblems } = context;
  const message = f.message === undefined ? undefined : cleanVendorText(f.message, device.token, secrets);
  const tokenVerdicts: PushVerdict[] = ['BAD_DEVICE_TOKEN', 'TOKEN_UNREGISTERED', 'SENDER_MISMATCH'];
  const looks = tokenProblems.length && tokenVerdicts.includes(f.entry.verdict) ? ` The token itself looks wrong: ${tokenProblems.join(' ')}` : '';
  const said = message ? ` ("${message}")` : '';
  const cause = `${f.step} failed with ${f.reason}${said}: ${f.entry.cause}${f.extra ? ` ${f.extra}` : ''}${looks}${notes(loaded)}`;
  return pushResult(device, context.certificate.platform as PushResult['platform'], f.entry.verdict, cause, f.entry.fix, {
    ...(f.status !== undefined && { status: f.status }),
    reason: f.reason,
    ...(message !== undefined && { message }),
  });
}

export function vendorDelivered(
  context: TestContext<{ platform: string }, VendorLoaded>,
  cause: string,
  fix: string,
  status: number,
  reason: string,
  message: string | undefined,
  id?: string,
): PushResult {
  const m = message === undefined ? undefined : cleanVendorText(message, context.device.token);
  return pushResult(
    context.device,
    context.certificate.platform as PushResult['platform'],
    'DELIVERED',
    `${cause}${notes(context.loaded)}`,
    fix,
    { status, reason, ...(m !== undefined && { message: m }) },
    id,
  );
}

function notes(loaded: VendorLoaded | undefined): string {
  return loaded?.notes.length ? ` Warning: ${loaded.notes.join(' ')}` : '';
}

/** What every vendor says when nothing shows on the phone although the vendor accepted the push. */
export const VENDOR_NOTHING_SHOWS =
  'Nothing to fix on the push side. If nothing shows on the phone: the vendor accepted the message but delivers it asynchronously; check that notifications are allowed for the app on the phone, that the phone is online with the vendor push service, and that the user is logged in (after logout IM sends no offline push).';

/** A vendor's text for a message: one line, bounded, secrets taken out by the caller. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
