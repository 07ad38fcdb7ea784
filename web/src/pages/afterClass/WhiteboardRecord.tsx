// The whiteboard as it was left, in Excalidraw's view mode (no tools, nothing changes). Loaded lazily: the
// editor is large. Fonts come from our own server, as in the room.
import '../../room/docs/assetPath';
import { Excalidraw } from '@excalidraw/excalidraw';
import '@excalidraw/excalidraw/index.css';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';

type Element = { id: string; type: string };
/** Excalidraw's own words (its menus, hints) in the interface's language; English otherwise. */
const EXCALIDRAW_LANGUAGES: Record<string, string> = { de: 'de-DE', uk: 'uk-UA' };
type InitialElements = NonNullable<
  NonNullable<Parameters<typeof Excalidraw>[0]['initialData']> extends infer D
    ? D extends { elements?: infer E }
      ? E
      : never
    : never
>;

export default function WhiteboardRecord({ roomId }: { roomId: string }) {
  const { t, i18n } = useTranslation('completion');
  const board = useApi<{ elements: Element[] }>(`/api/rooms/${roomId}/whiteboard`);
  if (board.error) return <ErrorBox error={board.error} onRetry={board.reload} />;
  if (!board.data) return <Loading />;
  if (board.data.elements.length === 0) return <Empty title={t('afterClass.noDrawing')} />;
  return (
    <div
      className="whiteboard whiteboard-record"
      data-testid="after-class-whiteboard"
      data-elements={board.data.elements.length}
      style={{ height: 480, position: 'relative', overflow: 'hidden' }}
    >
      <Excalidraw
        initialData={{
          elements: board.data.elements as unknown as InitialElements,
          scrollToContent: true,
        }}
        viewModeEnabled
        langCode={EXCALIDRAW_LANGUAGES[i18n.language] ?? 'en'}
        UIOptions={{ canvasActions: { loadScene: false, saveToActiveFile: false, export: false } }}
      />
    </div>
  );
}
