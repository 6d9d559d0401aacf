export { generateUserSig, generatePrivateMapKey, type GenerateUserSigOptions, type GeneratePrivateMapKeyOptions } from './generate.js';
export { verifyUserSig, inspectUserSig, explainImError, IM_ERRORS } from './english.js';
export { detectVerification, toVerification, CLOCK_SKEW_SECONDS, type DetectedVerification, type VerifyUserSigOptions } from './verify.js';
export { detectInspection, toInspection, type DetectedInspection, type InspectOptions } from './inspect.js';
export {
  lookupImError,
  toImErrorInfo,
  IM_ERROR_ROWS,
  type ImErrorInfo,
  type ImErrorSource,
  type ImErrorEntry,
  type ImErrorCode,
  type ImErrorCatalogue,
} from './im-errors.js';
export { explain, type Outcome, type OutcomeFacts, type OutcomeWords, type GeneratorKind } from './outcomes.js';
export { parseExpiry } from './expiry.js';
export { PRIVILEGES, privilegeNames, decodeUserbuf, encodeUserbuf, type UserbufInput } from './privmap.js';
export { encodeTencentBase64, decodeTencentBase64, MAX_INFLATED_BYTES } from './codec.js';
export { DEFAULT_EXPIRE_SECONDS, MAX_EXPIRE_SECONDS, MAX_USERID_BYTES } from './inputs.js';
export { VERDICTS } from './types.js';
export type { UserSigVerdict, DecodeVerdict, Verification, DecodedFields, Inspection, PrivateMapInfo, PrivilegeName, UserSigFormat } from './types.js';
