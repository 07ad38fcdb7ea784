// completion: filled in as its pages are translated.
export default {};
