// Preload (node --import, by buildInChild in ./index.ts) that moves this process's clock by
// DIGEST_CLOCK_SHIFT_DAYS days: `Date.now()` and `new Date()` (hence luxon's `DateTime.now()`)
// both see the shifted time. A build that read the clock anywhere would then write different bytes.
const shiftDays = Number(process.env.DIGEST_CLOCK_SHIFT_DAYS ?? 0);
const shift = shiftDays * 86_400_000;
const RealDate = globalThis.Date;

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + shift);
    else super(...args);
  }
  static now() {
    return RealDate.now() + shift;
  }
}

globalThis.Date = ShiftedDate;
