/** Text and attribute values for the XML feeds, written with xmlbuilder2. */
import { xmlText } from "../text.js";

/**
 * `xmlText` (every `&` escaped, see there), and carriage returns as `&#13;`: XML parsers turn a
 * literal CR into LF, so only the reference brings it back exactly. xmlbuilder2 keeps `&#13;` as it
 * is, like every character reference.
 */
export function xmlValue(text: string): string {
  return xmlText(text).replace(/\r/g, "&#13;");
}
