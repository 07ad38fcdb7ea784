// The shared whiteboard: Excalidraw, with its elements kept in a Yjs map (one entry per element, newest version
// wins) that the gateway relays and stores, so drawings appear for everyone and are there again on join.
// Fonts come from our own server (EXCALIDRAW_ASSET_PATH), never from a CDN. Its menus speak the interface's
// language (Excalidraw's own translations, bundled).
import './assetPath';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Excalidraw } from '@excalidraw/excalidraw';
import '@excalidraw/excalidraw/index.css';
import type * as Y from 'yjs';
import type { SharedDoc } from '../rt/yjsProvider';
import { probe } from '../probe';

type Element = { id: string; version: number; versionNonce: number; isDeleted?: boolean };
type SceneApi = {
  getSceneElementsIncludingDeleted(): readonly Element[];
  updateScene(scene: { elements: readonly Element[] }): void;
};

/** Excalidraw's language for the interface's (English, and the pseudo-locale, as its default). */
const EXCALIDRAW_LANGUAGES: Record<string, string> = { de: 'de-DE', uk: 'uk-UA' };

export default function Whiteboard({ shared }: { shared: SharedDoc }) {
  const { i18n } = useTranslation('room');
  const api = useRef<SceneApi | null>(null);
  const elements = shared.doc.getMap<Element>('elements');

  useEffect(() => {
    // Remote drawings: take every element whose version is newer than ours.
    const apply = (event?: Y.YMapEvent<Element>) => {
      if (event?.transaction.local) return;
      const scene = api.current;
      if (!scene) return;
      const mine = new Map(scene.getSceneElementsIncludingDeleted().map((e) => [e.id, e]));
      let changed = false;
      for (const [id, remote] of elements.entries()) {
        const local = mine.get(id);
        if (
          !local ||
          remote.version > local.version ||
          (remote.version === local.version && remote.versionNonce < local.versionNonce)
        ) {
          mine.set(id, remote);
          changed = true;
        }
      }
      if (changed) scene.updateScene({ elements: [...mine.values()] });
    };
    elements.observe(apply);
    probe().whiteboardElements = () => [...elements.values()].filter((e) => !e.isDeleted).length;
    const offSynced = shared.onSynced(() => apply());
    return () => {
      elements.unobserve(apply);
      offSynced();
    };
  }, [shared, elements]);

  const onChange = (scene: readonly Element[]) => {
    const changed = scene.filter((e) => {
      const known = elements.get(e.id);
      return !known || known.version < e.version;
    });
    if (changed.length === 0) return;
    shared.doc.transact(() => {
      for (const e of changed) elements.set(e.id, JSON.parse(JSON.stringify(e)) as Element);
    });
  };

  return (
    <div className="whiteboard" data-testid="whiteboard">
      <Excalidraw
        excalidrawAPI={(a) => {
          api.current = a as unknown as SceneApi;
          if (shared.synced) api.current.updateScene({ elements: [...elements.values()] });
        }}
        onChange={(scene) => onChange(scene as unknown as readonly Element[])}
        isCollaborating
        langCode={EXCALIDRAW_LANGUAGES[i18n.language] ?? 'en'}
        UIOptions={{ canvasActions: { loadScene: false, saveToActiveFile: false, export: false } }}
      />
    </div>
  );
}
