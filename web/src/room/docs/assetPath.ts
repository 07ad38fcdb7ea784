// Where Excalidraw loads its fonts from: our own server (build/excalidrawAssets.ts copies them there), never a
// CDN. Excalidraw reads this when its module is evaluated, so it is set by a module imported before it.
declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string;
  }
}
window.EXCALIDRAW_ASSET_PATH = '/excalidraw-assets/';
export {};
