import type { Invite, StaffPlaces, Team } from '../../../types/staff';

/** Shapes as the staff function answers them (types/api.ts), for the staff pages' component tests. */

export const communityPlaces = (): StaffPlaces => ({
  communities: [
    {
      id: 'GS01',
      name: '平阳社区',
      streetId: 'GS',
      mayInviteStaff: false,
      grids: [
        { code: 'GS-0101', name: '平阳社区第一网格' },
        { code: 'GS-0102', name: '平阳社区第二网格' },
      ],
    },
  ],
  served: [{ level: 'community', id: 'GS01', name: '平阳社区' }],
});

export const streetPlaces = (): StaffPlaces => ({
  communities: [
    ...communityPlaces().communities.map((c) => ({ ...c, mayInviteStaff: true })),
    { id: 'GS02', name: '护驾山社区', streetId: 'GS', mayInviteStaff: true, grids: [{ code: 'GS-0201', name: '护驾山社区第一网格' }] },
  ],
  served: [{ level: 'street', id: 'GS', name: '钢山街道' }],
});

export const inviteFixture = (overrides: Partial<Invite> = {}): Invite => ({
  code: 'K7M4Q2XZ',
  expiresAt: '2026-11-28T02:30:00.000Z',
  seat: { role: 'chief', scope: '平阳社区第一网格', name: '李娜', title: '网格长' },
  qr: 'https://tcb.example/minicodes/abc.png',
  ...overrides,
});

export const gridTeam = (): Team => ({
  kind: 'grid',
  scope: '平阳社区第二网格',
  members: [
    { staffId: 'chief-GS-0102', role: 'chief', name: '邓海燕', title: '网格长', phone: '13805371185' },
    { staffId: 'worker-GS-0102', role: 'worker', name: '袁淑芬', title: '专职网格员', phone: '13805371222' },
  ],
});
