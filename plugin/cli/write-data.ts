/**
 * Writing the edited data files: each through write-file-atomic (a temporary file in the same
 * folder, flushed, then renamed over the old one), so a crash, a kill or a full disk leaves the old
 * file or the new one, never half of one. Only files whose text changed are written.
 */
import writeFileAtomic from "write-file-atomic";
import { type DataFile, editedText } from "./data-edit.js";

/** A data file that could not be written (the file itself is as it was). */
export class DataWriteError extends Error {
  constructor(file: string, cause: unknown) {
    super(
      `${file}: cannot write: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}; the file is unchanged`,
    );
    this.name = "DataWriteError";
  }
}

/** Writes every changed file, atomically, one after the other. */
export async function writeDataFiles(files: readonly DataFile[]): Promise<void> {
  for (const file of files) {
    try {
      await writeFileAtomic(file.path, editedText(file), { encoding: "utf8", fsync: true });
    } catch (error) {
      throw new DataWriteError(file.path, error);
    }
  }
}
