/**
 * The ordered rule registry. Order matters only for which rule is credited when several match:
 * the first one wins.
 */
import type { Rule } from './types.js';
import { metadataLines } from './metadata-lines.js';
import { separator, emptyLinks, linkFarm, danglingImage, pageData } from './debris.js';
import { skipLinks, breadcrumbs, menu } from './navigation.js';
import { shareLinks } from './share-links.js';
import { promo } from './promo.js';
import { comments } from './comments.js';
import { disclaimer, copyright } from './legal.js';
import { republication } from './republication.js';
import { authorArchive, authorBio } from './author.js';
import { related } from './related.js';
import { teasers } from './teasers.js';
import { captions } from './captions.js';
import { consent } from './consent.js';
import { ads } from './ads.js';
import { companyProfile, mediaContact } from './media-contact.js';
import { mergedCopy, repeated, siteTemplate } from './repeated.js';

export const rules: readonly Rule[] = [
  metadataLines,
  separator,
  emptyLinks,
  pageData,
  skipLinks,
  breadcrumbs,
  consent,
  ads,
  shareLinks,
  promo,
  comments,
  disclaimer,
  copyright,
  republication,
  authorArchive,
  authorBio,
  related,
  teasers,
  mediaContact,
  companyProfile,
  captions,
  repeated,
  mergedCopy,
  siteTemplate,
  menu,
  linkFarm,
  danglingImage,
];

/** Ids of the rules the classifier itself applies (not in the registry: they need its results). */
export const CLASSIFIER_RULES = {
  outsideMain: {
    id: 'outside-main',
    description: 'Blocks outside the main content run found by the statistical classifier',
    category: 'layout',
  },
  lowQuality: {
    id: 'low-quality',
    description: 'Blocks inside the main run that the classifier scores as boilerplate (link density, no prose)',
    category: 'layout',
  },
} as const;

/** Every rule with its id, description and category, for --list-rules. */
export function ruleList(): { id: string; description: string; category: string }[] {
  return [
    ...rules.map(({ id, description, category }) => ({ id, description, category })),
    ...Object.values(CLASSIFIER_RULES).map(({ id, description, category }) => ({ id, description, category })),
  ];
}

export type { Rule, RuleContext, Verdict } from './types.js';
