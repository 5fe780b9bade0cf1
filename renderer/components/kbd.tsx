/** The shortcut printed on a button, so officers learn the keys by looking. */
export function Kbd({ keys }: { keys: string }) {
  return <kbd className="kbd" aria-hidden="true">{keys}</kbd>;
}
