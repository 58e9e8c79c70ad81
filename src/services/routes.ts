/** Where the appeal pages live (subpackages `packages/appeal` and `packages/inbox`). */
export const routes = {
  newAppeal: (gridCode: string) => `/packages/appeal/new/index?code=${encodeURIComponent(gridCode)}`,
  myAppeals: () => '/packages/appeal/mine/index',
  appealDetail: (id: string) => `/packages/appeal/detail/index?id=${encodeURIComponent(id)}`,
  inbox: () => '/packages/inbox/index',
};
