/** How sentences name a push provider and its parts. */
export interface ProviderNames {
  /** "APNs", "Huawei Push Kit". */
  display: string;
  /** English only: "an" or "a" before the display name ("an APNs certificate"); other languages ignore it. */
  article: 'a' | 'an' | '';
  /** "iOS (APNs)", "Android (FCM)". */
  device: string;
  /** What its credential is called in short listings: "key or certificate", "service account". */
  credentialKind: string;
  /** How its tokens are named in warnings: "an FCM registration token". */
  token: string;
  /** Where an app gets the right token (for PLATFORM_MISMATCH fixes). */
  tokenSource: string;
}
