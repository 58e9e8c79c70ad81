/**
 * The domain of GridLink's ordinary-QR links (`https://<domain>/g/<code>` on a printed sign,
 * `https://<domain>/i/<invite>` for a staff invite). WeChat opens them in the mini-program once
 * the domain is registered under 「扫普通链接二维码打开小程序」 with those two prefixes; a
 * deployment sets its own with GRIDLINK_LINK_DOMAIN.
 */
export const LINK_DOMAIN = process.env.GRIDLINK_LINK_DOMAIN || 'grid.zoucheng.example.cn';

export const gridLink = (code: string) => `https://${LINK_DOMAIN}/g/${encodeURIComponent(code)}`;

export const inviteLink = (code: string) => `https://${LINK_DOMAIN}/i/${encodeURIComponent(code)}`;
