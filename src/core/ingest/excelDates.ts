const DAY_MS = 86_400_000;
/** Excel's day zero once its phantom 1900-02-29 is accounted for. */
const EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serial 60 is the 1900-02-29 that Lotus 1-2-3 invented and Excel kept for compatibility. */
const PHANTOM_LEAP_DAY = 60;
/** 9999-12-31, the last day Excel can show. */
const MAX_SERIAL = 2_958_465;

export function isExcelSerialDay(serial: number): boolean {
  const day = Math.floor(serial);
  return Number.isFinite(serial) && day >= 1 && day <= MAX_SERIAL && day !== PHANTOM_LEAP_DAY;
}

function serialToMs(serial: number): number {
  if (!isExcelSerialDay(serial)) {
    throw new RangeError(
      `${serial} is not an Excel date serial (1 to ${MAX_SERIAL}, and 60 is not a real day)`,
    );
  }
  // Before the phantom day every serial is one day behind the real calendar.
  const shifted = Math.floor(serial) < PHANTOM_LEAP_DAY ? serial + 1 : serial;
  return EPOCH_MS + Math.round(shifted * 86_400) * 1000;
}

/** Excel 1900-system day number to ISO `YYYY-MM-DD` (the time of day is dropped). Throws RangeError off the calendar. */
export function excelSerialToIso(serial: number): string {
  const ms = EPOCH_MS + Math.floor((serialToMs(serial) - EPOCH_MS) / DAY_MS) * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Excel serial with a fraction of a day to `YYYY-MM-DD HH:MM:SS`, rounded to the second. */
export function excelSerialToTimestamp(serial: number): string {
  return new Date(serialToMs(serial)).toISOString().slice(0, 19).replace('T', ' ');
}
