// The regulatory frame shared by the Ministère du Travail's titres professionnels under the
// arrêtés du 22/12/2015 and du 21/07/2016 (seeds 001 and 002): what their fiches print alike.
import { PATHWAYS, type CertificationDraft } from '@certif/referentials-domain';

/** What each titre's fiche prints for itself; the builder supplies the shared frame. */
export type TitreProfessionnelFiche = Pick<
  CertificationDraft,
  'code' | 'title' | 'level' | 'components' | 'notes'
>;

/** Notes both fiches need: what their sources leave unprinted. */
export const UNPRINTED_FIELDS_NOTES: readonly string[] = [
  'Aucun code ROME, aucun formacode, aucun SIRET du certificateur et aucune date ' +
    'd’enregistrement imprimés dans la source.',
  'Le renvoi de note « 1 » placé après l’intitulé du titre n’a pas de texte correspondant ' +
    'dans la source (seule la note 2 est imprimée).',
];

/** Notes both fiches need: the frame's rules, in the sources' words. */
export const FRAME_NOTES: readonly string[] = [
  'CCS : la source décrit les modalités d’obtention d’un CCS mais n’en nomme aucun ; ' +
    'aucune spécialisation chargée.',
  'Capitalisation : « Le candidat peut se présenter aux CCP manquants dans la limite de la ' +
    'durée de validité du titre » (arrêtés du 22/12/2015 et du 21/07/2016).',
  'Entretien final requis : « Afin d’attribuer le titre, un entretien final se déroule en ' +
    'fin de session du dernier CCP, et au vu du livret de certification ».',
];

/** A titre professionnel of the Ministère du Travail under the 2015/2016 rules. */
export function titreProfessionnelDuTravail(fiche: TitreProfessionnelFiche): CertificationDraft {
  return {
    code: fiche.code,
    // The sources print no RNCP number: the code is a local one.
    rncpCode: null,
    title: fiche.title,
    kind: 'PROFESSIONAL_TITLE',
    level: fiche.level,
    nsfCodes: ['326t'],
    romeCodes: [],
    formacodes: [],
    certifier: { name: 'Ministère du Travail', siret: null },
    registeredFrom: null,
    registeredUntil: null,
    // « Le candidat peut se présenter aux CCP manquants dans la limite de la durée de validité
    // du titre ».
    capitalizationRule: 'WITHIN_TITLE_VALIDITY',
    // « un entretien final se déroule en fin de session du dernier CCP ».
    requiresFinalInterview: true,
    // « expérience professionnelle d'un an en rapport avec le titre visé ».
    vaeMinimumExperienceYears: 1,
    // Every access route: the fiches describe training, VAE and partial success and close none.
    pathways: [...PATHWAYS],
    // R9, 2016 rules: « un jury composé de professionnels » — at least two, all professionals.
    juryRule: { minMembers: 2, minProfessionals: 2, allProfessionals: true, requiredRoles: [] },
    components: fiche.components,
    specializations: [],
    notes: fiche.notes,
  };
}
