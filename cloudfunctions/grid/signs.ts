import { gridLink } from '../../types/links';
import { PAGES } from '../../types/routes';
import { StreetSignsInput, type GridSign, type SignPerson, type SignQr, type StreetSigns } from '../../types/signs';
import { gridPeople } from '../domain/gridPage';
import { reaches } from '../domain/permissions';
import { action } from '../kit/action';
import { requireCaller, viewerOf } from '../kit/caller';
import { miniCodeFiles } from '../kit/miniCode';
import type { Ports } from '../kit/ports';
import { refuse } from '../domain/refusal';
import { activeGridSigns, streetById, type SignRow } from '../store/signs';

/**
 * The printable signs ("一网一码" 码牌) of a street: its street staff print them all, its
 * community staff their own community's. Two round trips side by side (the caller's staff
 * record, and one aggregate of the street's active grids with community, street and bound
 * chief looked up inside the database), plus one for stored mini-program codes when asked for.
 */
export const signs = action(StreetSignsInput, async ({ streetId, qr }, ports): Promise<StreetSigns> => {
  requireCaller(ports);
  const [viewer, grids] = await Promise.all([viewerOf(ports), activeGridSigns(ports.db, streetId)]);
  const mayPrint = (place: { gridId: string | null; communityId: string | null }) =>
    reaches(viewer.staff, { ...place, streetId }).some((level) => level !== 'grid');

  if (!grids.length) {
    const street = await streetById(ports.db, streetId);
    if (!street) return refuse('NOT_FOUND', `没有找到街道 ${streetId}`);
    if (!mayPrint({ gridId: null, communityId: null })) return refuse('FORBIDDEN', `只有${street.name}的工作人员可以打印网格码牌`);
    return refuse('NOT_FOUND', `${street.name}没有在用的网格，没有码牌可打印`);
  }
  const mine = grids.filter((g) => mayPrint({ gridId: g._id, communityId: g.communityId }));
  if (!mine.length) return refuse('FORBIDDEN', `只有${grids[0].streetName[0]}或其社区的工作人员可以打印网格码牌`);

  const qrs = qr === 'link' ? linkQrs(mine.map((g) => g.code)) : await miniProgramQrs(ports, mine.map((g) => g.code));
  return {
    street: { id: streetId, name: grids[0].streetName[0] ?? '', brand: grids[0].brand[0] ?? '' },
    signs: mine.map(
      (g): GridSign => ({
        code: g.code,
        name: g.name,
        community: g.community[0] ?? '',
        chief: chiefOnSign(g),
        station: g.station ?? null,
        qr: qrs.get(g.code)!,
      }),
    ),
  };
});

/** Whom the sign names: the grid page's chief (the bound one, else the registry roster's). */
function chiefOnSign(g: SignRow): SignPerson | null {
  const chief = gridPeople(g, g.chief).chief;
  return chief && { name: chief.name, phone: chief.phone };
}

const linkQrs = (codes: string[]) => new Map(codes.map((code): [string, SignQr] => [code, { kind: 'link', link: gridLink(code) }]));

async function miniProgramQrs(ports: Ports, codes: string[]): Promise<Map<string, SignQr>> {
  const files = await miniCodeFiles(ports, PAGES.grid, codes.map(sceneOf));
  const urls = await ports.files.tempUrls([...files.values()]);
  return new Map(
    codes.map((code): [string, SignQr] => {
      const fileID = files.get(sceneOf(code))!;
      const url = urls.get(fileID);
      // A stored code whose file is gone cannot be printed; say which, rather than print a blank.
      if (!url) throw new Error(`no download link for the mini-program code of ${code} (${fileID})`);
      return [code, { kind: 'miniProgram', fileID, url }];
    }),
  );
}

/** What the grid page reads back from a scanned mini-program code (DESIGN §1.1). */
const sceneOf = (code: string) => `g=${code}`;
