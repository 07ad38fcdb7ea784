// The whiteboard as it was left, in Excalidraw's view mode (no tools, nothing changes). Loaded lazily: the
// editor is large. Fonts come from our own server, as in the room.
import '../../room/docs/assetPath';
import { Excalidraw } from '@excalidraw/excalidraw';
import '@excalidraw/excalidraw/index.css';
import { useApi } from '../../lib/useApi';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';

type Element = { id: string; type: string };
type InitialElements = NonNullable<
  NonNullable<Parameters<typeof Excalidraw>[0]['initialData']> extends infer D
    ? D extends { elements?: infer E }
      ? E
      : never
    : never
>;

export default function WhiteboardRecord({ roomId }: { roomId: string }) {
  const board = useApi<{ elements: Element[] }>(`/api/rooms/${roomId}/whiteboard`);
  if (board.error) return <ErrorBox error={board.error} onRetry={board.reload} />;
  if (!board.data) return <Loading />;
  if (board.data.elements.length === 0) return <Empty title="Nothing was drawn on the whiteboard." />;
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
        UIOptions={{ canvasActions: { loadScene: false, saveToActiveFile: false, export: false } }}
      />
    </div>
  );
}
