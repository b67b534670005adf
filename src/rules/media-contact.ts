import { phraseRule } from './phrase.js';

/** Press and media contact lines. */
const CONTACT = [
  /^\W*(for (media|press) (inquiries|enquiries|contacts?)|media (contact|inquiries|enquiries)|press (contact|inquiries|office)|contact us|contact:|kontakt|pressekontakt|medienkontakt|contact presse|contact média|contacto de prensa|contacto)\b/i,
];

export const mediaContact = phraseRule({
  id: 'media-contact',
  description: 'Media and press contact lines',
  category: 'contact',
  patterns: CONTACT,
  maxWords: 30,
  examples: {
    removed: ['For media inquiries: [press@example.org](mailto:press@example.org)', 'Pressekontakt: presse@example.org', 'Contacto de prensa: prensa@example.org'],
    kept: ['Contact with the crew was lost shortly after take-off, and the search continued through the night.'],
  },
});
