import { PAGES } from '../../types/routes';

/** Where the app navigates; the paths are shared with the functions' subscribe messages. */
export const routes = {
  grid: (gridCode: string) => `/${PAGES.grid}?code=${encodeURIComponent(gridCode)}`,
  search: () => `/${PAGES.search}`,
  newAppeal: (gridCode: string) => `/${PAGES.newAppeal}?code=${encodeURIComponent(gridCode)}`,
  myAppeals: () => `/${PAGES.myAppeals}`,
  appealDetail: (id: string) => `/${PAGES.appealDetail}?id=${encodeURIComponent(id)}`,
  inbox: () => `/${PAGES.inbox}`,
  noticeDetail: (id: string) => `/${PAGES.noticeDetail}?id=${encodeURIComponent(id)}`,
  notices: (gridCode: string) => `/${PAGES.noticeList}?code=${encodeURIComponent(gridCode)}`,
  publishNotice: (gridCode: string) => `/${PAGES.publishNotice}?code=${encodeURIComponent(gridCode)}`,
  registryImport: () => `/${PAGES.registryImport}`,
};
