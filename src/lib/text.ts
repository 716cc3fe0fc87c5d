/**
 * A label lowercased to follow a verb ("Copy " + "Serial console command" → "serial console
 * command"). A first word that is an acronym or a name written with capitals inside ("VNC",
 * "SSH", "KubeVirt", "virtctl") keeps its case: only a capitalised ordinary word is lowered.
 */
export function lowerFirstWord(label: string): string {
  const first = label.split(/\s/, 1)[0];
  if (!/^[A-Z][^A-Z]*$/.test(first)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
