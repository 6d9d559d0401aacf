// The library's public API: see README "Library".
export { loadConfig, findApp } from './config/load.js';
export type { Config, AppConfig, CertificateConfig } from './config/types.js';
export { ConfigError, UsageError } from './errors.js';
export type { Reply, Block, Action, Form, FormField } from './commands/reply.js';
export type { CommandCore, CommandSpec, Principal, Plan } from './commands/types.js';
export type { Device, PushResult, PushVerdict, CertificateHealth } from './push/types.js';
export { PUSH_VERDICTS } from './push/verdicts.js';
export {
  generateUserSig,
  generatePrivateMapKey,
  verifyUserSig,
  inspectUserSig,
  explainImError,
  IM_ERRORS,
  parseExpiry,
  PRIVILEGES,
  VERDICTS,
} from './usersig/index.js';
export type {
  GenerateUserSigOptions,
  GeneratePrivateMapKeyOptions,
  VerifyUserSigOptions,
  Verification,
  Inspection,
  UserSigVerdict,
  PrivateMapInfo,
  ImErrorInfo,
} from './usersig/index.js';
