// Vite's "?url" imports: the bundle emits the file and the import is its URL (the pdf.js
// worker is loaded this way, from our own origin).
declare module '*?url' {
  const url: string;
  export default url;
}
