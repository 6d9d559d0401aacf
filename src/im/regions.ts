// Tencent IM data centres and their REST hosts (reference/im-rest.md §1.1). An SDKAppID lives in one of them;
// calling another gives 70016/70020.
export const IM_REGIONS = ['china', 'singapore', 'seoul', 'tokyo', 'frankfurt', 'mumbai', 'siliconvalley', 'jakarta'] as const;
export type ImRegion = (typeof IM_REGIONS)[number];

export const IM_REGION_HOSTS: Record<ImRegion, string> = {
  china: 'https://console.tim.qq.com',
  singapore: 'https://adminapisgp.im.qcloud.com',
  seoul: 'https://adminapikr.im.qcloud.com',
  tokyo: 'https://adminapijpn.im.qcloud.com',
  frankfurt: 'https://adminapiger.im.qcloud.com',
  mumbai: 'https://adminapiind.im.qcloud.com',
  siliconvalley: 'https://adminapiusa.im.qcloud.com',
  jakarta: 'https://adminapiidn.im.qcloud.com',
};
