// Excalidraw's fonts come from our own server (build/excalidrawAssets.ts copies them and sets
// window.EXCALIDRAW_ASSET_PATH in index.html). Excalidraw also lists a CDN copy after ours in every font
// source; the room drops those so a browser never reaches for a CDN (the CSP would refuse it anyway).
declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string;
  }
}

window.EXCALIDRAW_ASSET_PATH ??= '/excalidraw-assets/';

const CDN_SOURCE = /,?\s*url\(https:\/\/esm\.sh\/[^)]*\)(\s*format\([^)]*\))?/g;
const NativeFontFace = window.FontFace;
if (NativeFontFace && !(NativeFontFace as { ownSourcesOnly?: boolean }).ownSourcesOnly) {
  class OwnFontFace extends NativeFontFace {
    static ownSourcesOnly = true;
    constructor(family: string, source: string | BufferSource, descriptors?: FontFaceDescriptors) {
      super(
        family,
        typeof source === 'string' ? source.replace(CDN_SOURCE, '').replace(/^\s*,\s*/, '') : source,
        descriptors,
      );
    }
  }
  window.FontFace = OwnFontFace;
}

export {};
