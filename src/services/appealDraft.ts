import Taro from '@tarojs/taro';
import type { Location } from '../../types/appeal';
import { newRequestId } from './requestId';

/**
 * What the resident has typed into the appeal form for one grid, kept in storage so that a failed
 * submit, a closed page or a killed app loses nothing. `requestId` is made once per form and kept
 * until a submit succeeds: a retry carries the same one, so the cloud never files it twice.
 */
export type AppealDraft = {
  requestId: string;
  category: string | null;
  content: string;
  photos: string[];
  location: Location | null;
  contactPhone: string;
  anonymous: boolean;
};

export const draftKey = (gridCode: string) => `gridlink.appealDraft.${gridCode}`;


export function emptyDraft(): AppealDraft {
  return { requestId: newRequestId(), category: null, content: '', photos: [], location: null, contactPhone: '', anonymous: false };
}

export function loadDraft(gridCode: string): AppealDraft {
  try {
    const saved = Taro.getStorageSync(draftKey(gridCode)) as Partial<AppealDraft> | '';
    if (saved && typeof saved === 'object' && typeof saved.requestId === 'string') {
      return { ...emptyDraft(), ...saved, requestId: saved.requestId };
    }
  } catch {
    /* unreadable storage: start afresh */
  }
  return emptyDraft();
}

export function saveDraft(gridCode: string, draft: AppealDraft): void {
  try {
    Taro.setStorageSync(draftKey(gridCode), draft);
  } catch {
    /* storage full: the form still holds it */
  }
}

export function clearDraft(gridCode: string): void {
  try {
    Taro.removeStorageSync(draftKey(gridCode));
  } catch {
    /* nothing to clear */
  }
}
