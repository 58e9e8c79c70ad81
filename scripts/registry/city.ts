import type { DB } from 'wx-server-sdk/index';
import type { StaffRecord, StreetRecord } from '../../cloudfunctions/domain/records';
import type { SheetRow } from './workbook';

/**
 * A whole city's registry sheet, Zoucheng-sized (16 streets and towns, ~1,410 grids), for the
 * import's test and bench. The first three streets are the demo's; the rest must be added.
 */
export const CITY_STREETS: Array<Pick<StreetRecord, '_id' | 'name' | 'brand'>> = [
  { _id: 'GS', name: '钢山街道', brand: '管得宽' },
  { _id: 'QQ', name: '千泉街道', brand: '泉小哥' },
  { _id: 'FS', name: '凫山街道', brand: '一网情深·凫务为民' },
  { _id: 'BS', name: '北宿镇', brand: '北宿网格' },
  { _id: 'ZXD', name: '中心店镇', brand: '中心店网格' },
  { _id: 'TC', name: '唐村镇', brand: '唐村网格' },
  { _id: 'TP', name: '太平镇', brand: '太平网格' },
  { _id: 'SQ', name: '石墙镇', brand: '石墙网格' },
  { _id: 'YS', name: '峄山镇', brand: '峄山网格' },
  { _id: 'XC', name: '香城镇', brand: '香城网格' },
  { _id: 'CQ', name: '城前镇', brand: '城前网格' },
  { _id: 'DS', name: '大束镇', brand: '大束网格' },
  { _id: 'TH', name: '田黄镇', brand: '田黄网格' },
  { _id: 'GL', name: '郭里镇', brand: '郭里网格' },
  { _id: 'ZZ', name: '张庄镇', brand: '张庄网格' },
  { _id: 'KZ', name: '看庄镇', brand: '看庄网格' },
];

const COMMUNITY_WORDS = ['东城', '西城', '南关', '北苑', '中和', '新华', '和平', '兴隆', '安康', '福泰'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['娜', '强', '敏', '伟', '芳', '军', '静', '磊', '洋', '丽', '勇', '艳'];
const KINDS = ['城镇社区网格', '城镇社区网格', '城镇社区网格', '农村网格', '农村网格', '商圈网格', '楼宇网格', '市场网格'];
const COMMUNITIES_PER_STREET = 8;

const personName = (n: number) => `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}`;
const phone = (n: number) => `1380537${String(n).padStart(4, '0')}`;

/** `total` grids spread over the streets, codes left blank for the import to assign. */
export function citySheetRows(total = 1410): SheetRow[] {
  const rows: SheetRow[] = [];
  for (let i = 0; i < total; i++) {
    const street = CITY_STREETS[i % CITY_STREETS.length];
    const inStreet = Math.floor(i / CITY_STREETS.length);
    const communityNo = inStreet % COMMUNITIES_PER_STREET;
    const community = `${street.name.slice(0, 2)}${COMMUNITY_WORDS[communityNo]}社区`;
    const gridNo = Math.floor(inStreet / COMMUNITIES_PER_STREET) + 1;
    const lng = 116.9 + (i % 40) * 0.004;
    const lat = 35.35 + Math.floor(i / 40) * 0.004;
    const square = [[lng - 0.0015, lat - 0.0015], [lng + 0.0015, lat - 0.0015], [lng + 0.0015, lat + 0.0015], [lng - 0.0015, lat + 0.0015], [lng - 0.0015, lat - 0.0015]];
    rows.push({
      street: street.name,
      community,
      code: '',
      name: `${community}第${gridNo}网格`,
      kind: KINDS[i % KINDS.length],
      households: 300 + ((i * 37) % 200),
      lng: lng.toFixed(6),
      lat: lat.toFixed(6),
      boundary: i % 2 === 0 ? JSON.stringify({ type: 'Polygon', coordinates: [square.map(([x, y]) => [Number(x.toFixed(6)), Number(y.toFixed(6))])] }) : '',
      chiefName: personName(i),
      chiefPhone: phone(i * 3),
      workers: `${personName(i + 7)} ${phone(i * 3 + 1)}；${personName(i + 13)} ${phone(i * 3 + 2)}`,
      stationName: `${community}党群服务站`,
      stationAddress: `邹城市${street.name}${community}服务中心一楼`,
      stationHours: '周一至周日 8:30–18:00',
    });
  }
  return rows;
}

/** The city's registrar: a street role in every street, as a city grid centre's account holds. */
export const CITY_REGISTRAR = 'city-registrar';

/** Adds the streets the demo lacks (with `categories`, a street's item directory) and the registrar. */
export async function seedCity(db: DB.Database, categories: StreetRecord['categories']): Promise<void> {
  for (const street of CITY_STREETS.slice(3)) await db.collection('streets').add({ data: { ...street, categories } });
  const registrar: StaffRecord = {
    _id: 'staff-city-registrar',
    openid: CITY_REGISTRAR,
    name: '邹城市网格化服务中心',
    title: '台账管理员',
    phone: '05375212345',
    avatar: null,
    roles: CITY_STREETS.map((s) => ({ role: 'street', streetId: s._id })),
  };
  await db.collection('staff').add({ data: registrar });
}
