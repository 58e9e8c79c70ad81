import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { fileUrl } from '../../services/cloud';
import { pickPhotos, uploadAll, type ImagePurpose } from '../../services/media';
import './PhotoPicker.scss';

type Props = {
  /** What the photos are for: the actions that accept them take only their own purpose. */
  purpose: ImagePurpose;
  photos: string[];
  max: number;
  onAdd: (fileIDs: string[]) => void;
  onRemove: (index: number) => void;
  onBusy?: (busy: boolean) => void;
};

/** Thumbnails of the uploaded photos, a × on each, and a + tile that picks, compresses and uploads more. */
export function PhotoPicker({ purpose, photos, max, onAdd, onRemove, onBusy }: Props) {
  const [pending, setPending] = useState(0);

  const add = async () => {
    if (pending > 0) return;
    const picked = await pickPhotos(max - photos.length);
    if (picked.length === 0) return;
    setPending(picked.length);
    onBusy?.(true);
    const { fileIDs, error } = await uploadAll(picked, purpose);
    setPending(0);
    onBusy?.(false);
    if (fileIDs.length) onAdd(fileIDs);
    if (error) Taro.showToast({ title: error, icon: 'none' });
  };

  return (
    <View className="photo-picker">
      {photos.map((id, i) => (
        <View key={id} className="photo-picker__tile">
          <Image className="photo-picker__img" src={fileUrl(id)} mode="aspectFill" />
          <Text className="photo-picker__remove" onClick={() => onRemove(i)}>
            ×
          </Text>
        </View>
      ))}
      {pending > 0 && (
        <View className="photo-picker__tile photo-picker__tile--pending">
          <Text>上传中…</Text>
        </View>
      )}
      {pending === 0 && photos.length < max && (
        <View className="photo-picker__tile photo-picker__add" onClick={add}>
          <Text className="photo-picker__plus">+</Text>
          <Text className="photo-picker__count">
            {photos.length}/{max}
          </Text>
        </View>
      )}
    </View>
  );
}

/** Read-only photos; a tap opens the full-screen preview. */
export function PhotoGrid({ photos }: { photos: string[] }) {
  if (photos.length === 0) return null;
  const urls = photos.map(fileUrl);
  return (
    <View className="photo-picker">
      {urls.map((url) => (
        <View key={url} className="photo-picker__tile" onClick={() => Taro.previewImage({ current: url, urls })}>
          <Image className="photo-picker__img" src={url} mode="aspectFill" />
        </View>
      ))}
    </View>
  );
}
