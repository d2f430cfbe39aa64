/**
 * The words the Sandbox's data is made of. Real CRMs hold hostile text, so some names and notes
 * here are markup, right-to-left script, emoji or very long: the UI must show them as text.
 */

/** Companies; contacts of one company share its business id ("Others at this business"). */
const companies = [
  {
    name: 'Acme Corp',
    domain: 'acme.example',
    businessId: 'sbxBizAcme0000000001',
    city: 'Springfield',
    country: 'US',
  },
  {
    name: 'Globex',
    domain: 'globex.example',
    businessId: 'sbxBizGlobex00000002',
    city: 'Cypress Creek',
    country: 'US',
  },
  {
    name: 'Initech',
    domain: 'initech.example',
    businessId: 'sbxBizInitech0000003',
    city: 'Austin',
    country: 'US',
  },
  {
    name: 'Umbrella Health',
    domain: 'umbrella.example',
    businessId: 'sbxBizUmbrella000004',
    city: 'Raccoon City',
    country: 'US',
  },
  {
    name: 'Stark Logistics',
    domain: 'stark.example',
    businessId: 'sbxBizStark000000005',
    city: 'Leeds',
    country: 'GB',
  },
  {
    name: 'Wayne Foundation',
    domain: 'wayne.example',
    businessId: 'sbxBizWayne000000006',
    city: 'Gotham',
    country: 'US',
  },
  {
    name: 'Nakatomi Trading',
    domain: 'nakatomi.example',
    businessId: 'sbxBizNakatomi000007',
    city: 'Los Angeles',
    country: 'US',
  },
  {
    name: 'Oasis Dental Dubai',
    domain: 'oasis.example',
    businessId: 'sbxBizOasis000000008',
    city: 'Dubai',
    country: 'AE',
  },
  {
    name: 'Kookaburra Media',
    domain: 'kookaburra.example',
    businessId: 'sbxBizKooka000000009',
    city: 'Sydney',
    country: 'AU',
  },
  {
    name: 'Hooli',
    domain: 'hooli.example',
    businessId: 'sbxBizHooli000000010',
    city: 'Palo Alto',
    country: 'US',
  },
] as const;

/**
 * Fixed contacts first: the speakers of the Trint look-alike's transcripts (so suggestions find
 * them), then the hostile ones.
 */
export const NAMED_CONTACTS = [
  { id: 'sbxContSamLee0000001', firstName: 'Sam', lastName: 'Lee', company: 'Acme Corp' },
  { id: 'sbxContJaneDoe000002', firstName: 'Jane', lastName: 'Doe', company: 'Acme Corp' },
  { id: 'sbxContOmarHaddad003', firstName: 'Omar', lastName: 'Haddad', company: 'Globex' },
  { id: 'sbxContAnaRuiz000004', firstName: 'Ana', lastName: 'Ruiz', company: 'Globex' },
  { id: 'sbxContHankScorpio05', firstName: 'Hank', lastName: 'Scorpio', company: 'Globex' },
  {
    id: 'sbxContHostileImg006',
    firstName: '<img src=x onerror=alert(1)>',
    lastName: 'Markup',
    company: 'Initech',
  },
  {
    id: 'sbxContRtlLayla00007',
    firstName: 'ليلى',
    lastName: 'حداد',
    company: 'Oasis Dental Dubai',
  },
  {
    id: 'sbxContEmojiZoe00008',
    firstName: 'Zoë 🎙️',
    lastName: "O'Brien-Łukasz",
    company: 'Kookaburra Media',
  },
] as const;

/** Note bodies that must render as plain text. */
export const HOSTILE_NOTES = [
  '<img src=x onerror=alert(1)> Client pasted this from an email.',
  '<script>document.body.remove()</script> Please check the quote.',
  'ملاحظة: العميل يفضل الاتصال صباحاً. Mixed with English text.',
  '🎉🎉 Signed! 🚀 Kick-off next week 🗓️',
  `Call transcript excerpt: ${'We discussed the rollout plan in detail. '.repeat(122)}`.slice(
    0,
    5000,
  ),
];

/** Everything else the generator picks from. */
export const SEED_WORDS = {
  companies,
  firstNames: [
    'Olivia',
    'Liam',
    'Priya',
    'Mateo',
    'Chen',
    'Fatima',
    'Noah',
    'Aisha',
    'Lucas',
    'Sofia',
    'Kwame',
    'Yuki',
    'Elena',
    'Diego',
    'Hannah',
    'Ravi',
    'Ingrid',
    'Tomás',
    'Mei',
    'Jonas',
    'Amara',
    'Felix',
    'Nadia',
    'Oscar',
  ],
  lastNames: [
    'Patel',
    'Nguyen',
    'García',
    'Okafor',
    'Schmidt',
    'Kowalski',
    'Tanaka',
    'Johnson',
    'Silva',
    'Haddad',
    'Murphy',
    'Rossi',
    'Andersson',
    'Mensah',
    'Kim',
    'Dubois',
    'Novak',
    'Hughes',
    'Costa',
    'Levi',
  ],
  tags: [
    'vip',
    'podcast guest',
    'renewal',
    'new lead',
    'interviewed',
    'needs follow-up',
    'enterprise',
    'churn risk',
  ],
  dealStages: ['Discovery', 'Proposal', 'Negotiation', 'Won', 'Lost'],
  topics: ['Product feedback', 'Renewal', 'Case study', 'Onboarding', 'Pricing'],
  streets: ['Main Street', 'Oak Avenue', 'Harbour Road', 'King Street', 'Elm Lane'],
  taskTitles: [
    'Send proposal',
    'Follow up on call',
    'Share transcript highlights',
    'Book quarterly review',
    'Confirm pricing',
    'Send contract',
    'Introduce to product team',
    'Ask for a case-study quote',
  ],
  taskBodies: [
    'Mentioned in the last call.',
    'They asked for it by end of week.',
    'Attach the transcript link.',
    'Loop in finance.',
  ],
  noteTitles: ['Call summary', 'Key quote', 'Follow-up summary', 'Objections'],
  noteBodies: [
    'Prefers email over phone. Decision expected next month.',
    'Budget approved for Q1; wants a pilot with two teams.',
    'Asked about the API and SSO.',
    'Happy with onboarding; suggested we record a case study.',
    'Concerned about price; compare with the annual plan.',
    '"We spend hours copying interview notes into the CRM." — great quote for marketing.',
  ],
  appointmentTitles: [
    'Discovery call',
    'Demo',
    'Quarterly review',
    'Interview recording',
    'Contract walkthrough',
  ],
};
