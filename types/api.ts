import type { CallStaffInput, GridPage, GridSearchHit, ResolveGridInput, SearchGridsInput, StaffPhone } from './grid';

/** Every cloud function's actions with their input and output: the app's client is typed by it. */
export type Api = {
  grid: {
    resolve: { input: ResolveGridInput; output: GridPage };
    search: { input: SearchGridsInput; output: GridSearchHit[] };
    callStaff: { input: CallStaffInput; output: StaffPhone };
  };
};

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { input: infer I } ? I : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { output: infer O } ? O : never;

/** A demo identity the local cloud offers to its identity switcher. */
export type DevIdentity = { openid: string; label: string; role: 'resident' | 'chief' | 'worker' | 'community' | 'street' };
