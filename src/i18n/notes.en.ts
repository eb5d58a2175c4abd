/** Strings of notes on a KPI and a day (src/core/model/notes.ts). */
export const notesEn = {
  'notes.heading': 'Notes',
  'notes.none': 'No notes on this KPI yet.',
  'notes.date': 'Day',
  'notes.text': 'Note',
  'notes.placeholder': 'Price change on 1 March',
  'notes.add': 'Add note',
  'notes.save': 'Save note',
  'notes.cancel': 'Cancel',
  'notes.edit': 'Edit',
  'notes.remove': 'Remove',
  'notes.editLabel': 'Edit the note of {date}',
  'notes.removeLabel': 'Remove the note of {date}',
  'notes.empty': 'Write the note first.',
  'notes.too-long': 'A note holds at most {max} characters.',
  'notes.bad-date': 'Choose the day the note is about.',
} as const;
