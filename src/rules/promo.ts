import type { Rule } from './types.js';
import { phraseVerdict } from './phrase.js';

/** Newsletter, membership, subscription and donation prompts. */
const PROMO_PHRASES = [
  /\b(sign up|signup|subscribe|subscription|subscribers? only|newsletter|become a (member|subscriber|patron|supporter)|join (now|today|us|our)|support (us|our|independent|quality)|donate|donation|make a (gift|contribution)|membership|unlock (this|full)|already a (member|subscriber)|log ?in|sign in|register (now|for free)|create (an |a free )?account|free trial|get (our|the) (newsletter|app|daily)|inbox|download (our|the) app)\b/i,
  /\b(newsletter|abonnieren|abonnement|abo\b|jetzt (testen|lesen|abonnieren|registrieren)|unterstützen sie|spenden|mitglied werden|anmelden|registrieren)\b/i,
  /\b(abonnez-vous|s'abonner|abonnement|inscrivez-vous|lettre d'information|faire un don|soutenez|devenir membre|se connecter)\b/i,
  /\b(suscríbete|suscribirse|suscripción|boletín|hazte socio|dona(r|ción)|apóyanos|regístrate|iniciar sesión)\b/i,
];

/**
 * What a sign-up form or a membership pitch says around the button: "No spam, we promise", "You
 * can unsubscribe at any time", "If you enjoyed this article, ... Join ...". Never the article's words.
 */
const SIGN_UP_PITCH = [
  // A donation appeal's stock phrases.
  /\b(at no cost to you, but|far from free to produce|your (support|contribution|donation) (helps|makes|keeps|allows|means|enables)|support (our|independent|quality) (journalism|reporting|fact-checking)|make a difference for readers|readers like you (keep|make|support))/i,
  /\b(no spam[,.!]|unsubscribe at any time|we('ll| will) never share your (details|e-?mail|information|data)|if you enjoyed this (article|story|post)|we have a proposition for you|members get (all|full|unlimited)|delivered (to your (door|inbox)|through your letterbox)|\d+ issues for|kein spam|jederzeit abbestellen|désabonner à tout moment|darte de baja en cualquier momento)/i,
];

/** What a sign-up form says once it is sent, printed on the page all the same: never the article's words. */
const SIGN_UP_CONFIRMATIONS = [
  /\b(succ?ess?fully (subscribed|signed up)|activation (link|email)|confirm your (subscription|e-?mail( address)?)|thanks? (you )?for (subscribing|signing up|registering)|erfolgreich (angemeldet|registriert)|bestätigungs-?(link|e-?mail)|merci (de votre|pour votre) inscription|gracias por (suscribirte|registrarte))\b/i,
];

export const promo: Rule = {
  id: 'promo',
  description: 'Newsletter, membership, subscribe, sign-in and donate prompts',
  category: 'promo',
  test(block) {
    // Short calls to action only; longer text that mentions subscriptions is weak evidence.
    const strong = phraseVerdict(block, { patterns: PROMO_PHRASES, maxWords: 25 })
      ?? phraseVerdict(block, { patterns: SIGN_UP_CONFIRMATIONS, maxWords: 60 })
      ?? phraseVerdict(block, { patterns: SIGN_UP_PITCH, maxWords: 60 });
    if (strong) return strong;
    return phraseVerdict(block, { patterns: PROMO_PHRASES, maxWords: 60, strength: 'weak' });
  },
  examples: {
    removed: [
      '[Become a Member of Example News](https://example.org/join)',
      'Sign up for our daily newsletter',
      'Jetzt Newsletter abonnieren',
      'Abonnez-vous à notre lettre d\'information',
      'Suscríbete a nuestro boletín',
      'You have succesfully subscribed. Thank you!',
      'An email with an activation link has just been sent to your email address. Please click on it to finish.',
      'Thanks for signing up! Check your email to finish.',
      "No spam, we promise. You can unsubscribe at any time and we'll never share your details without your permission.",
      'If you enjoyed this article, we have a proposition for you: Join Example Plus. Members get all of our content, including the magazine and the podcast.',
      'Get Example Monthly delivered through your letterbox every month. 12 issues for £11.99.',
      'We do this work every day at no cost to you, but it is far from free to produce, and we rely on readers. Your support helps us keep going.',
      'An email with an activation link has just been sent to your email address. Please activate your subscription by clicking on the activation link inside the email, which may take a few minutes to arrive.',
    ],
    kept: [
      'More than two thousand runners successfully registered for the race before the deadline on Friday.',
      'The council voted to subsidise bus passes for pensioners, a measure that will cost the city about two million euros a year and that opposition members called a gift to voters before the election.',
    ],
  },
};
