/**
 * Every user-facing string of the scripts, in French. Another language is a copy of this module with the same keys.
 * Placeholders are written {name} and filled by t().
 */
const messages = {
  'erreur.reseau': 'Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.',
  'erreur.inattendue': 'Une erreur inattendue est survenue (code {status}). Réessayez plus tard.',
  'erreur.page': 'Une erreur inattendue est survenue dans la page. Rechargez-la, puis réessayez.',
  'erreur.reponse-invalide': 'La réponse du serveur est illisible. Réessayez plus tard ; si le problème persiste, signalez-le à l’assistance.',
  'erreur.conflit': 'Ces données ont été modifiées entre-temps par quelqu’un d’autre. Rechargez la page, puis recommencez.',
  'formulaire.erreurs': 'Le formulaire contient {count} erreur(s). Corrigez-les, puis validez à nouveau.',
  'formulaire.erreur': 'Le formulaire contient une erreur. Corrigez-la, puis validez à nouveau.',
  'champ.obligatoire': 'Renseignez le champ « {label} ».',

  'menu.libelle': 'Menu principal',
  'menu.accueil': 'Accueil',
  'menu.utilisateurs': 'Utilisateurs',
  'menu.organisations': 'Organisations',
  'menu.journal': 'Journal d’audit',
  'menu.compte': 'Mon compte',
  'menu.deconnexion': 'Se déconnecter',
  'menu.connecte': 'Connecté en tant que {name}',

  'connexion.etat.deconnecte': 'Vous êtes déconnecté.',
  'connexion.etat.active': 'Votre compte est activé. Vous pouvez vous connecter avec votre nouveau mot de passe.',
  'connexion.etat.reinitialise': 'Votre mot de passe est modifié. Vous pouvez vous connecter.',
  'connexion.etat.expire': 'Votre session a expiré. Connectez-vous à nouveau.',

  'oubli.envoye': 'Si un compte actif correspond à « {identifier} », un courriel contenant un lien de réinitialisation vient de lui être envoyé. Le lien est valable pour une durée limitée.',

  'motdepasse.confirmation': 'Les deux mots de passe saisis ne sont pas identiques.',
  'motdepasse.lien-incomplet': 'Ce lien est incomplet : ouvrez le lien reçu par courriel en entier, ou demandez un nouveau lien.',
  'motdepasse.modifie': 'Votre mot de passe est modifié.',

  'accueil.bonjour': 'Bonjour {name}',
  'accueil.organisation': '{name} (SIREN {siren})',
  'accueil.operateur': 'Compte opérateur – périmètre : {perimeter}',
  'accueil.national': 'national',
  'accueil.aucun-droit': 'Aucun droit ne vous est attribué. Adressez-vous à l’administrateur de votre organisation.',
  'role.CAMPAIGN_MANAGER': 'Gestion des campagnes et des organisations du périmètre',
  'role.PLUGIN_MANAGER': 'Déploiement des extensions',
  'role.SUPPORT': 'Assistance : consultation de tout le périmètre',
  'role.SUPER_ADMIN': 'Super-administrateur : tous les droits, y compris les comptes opérateurs',
  'accueil.lien.utilisateurs': 'Gérer les utilisateurs et leurs droits',
  'accueil.lien.organisations': 'Gérer les organisations',
  'accueil.lien.journal': 'Consulter le journal d’audit',
  'accueil.lien.compte': 'Mon compte : mot de passe et jetons d’accès',

  'compte.non-renseigne': 'non renseigné',
  'compte.jetons.aucun': 'Vous n’avez aucun jeton d’accès.',
  'compte.jetons.jamais': 'Jamais',
  'compte.jetons.revoquer': 'Révoquer',
  'compte.jetons.revoquer-libelle': 'Révoquer le jeton « {label} »',
  'compte.jetons.revoque': 'Le jeton « {label} » est révoqué.',
  'compte.jetons.cree': 'Le jeton « {label} » est créé. Copiez-le maintenant : il ne sera plus jamais affiché.',
  'compte.jetons.valeur': 'Valeur du jeton « {label} »',
  'compte.jetons.copier': 'Copier le jeton',
  'compte.jetons.copie': 'Le jeton est copié dans le presse-papiers.',
  'compte.jetons.copie-impossible': 'La copie automatique est impossible : sélectionnez le jeton, puis copiez-le.',

  'utilisateurs.titre-organisation': '{name} – SIREN {siren}',
  'utilisateurs.colonne-utilisateur': 'Utilisateur',
  'utilisateurs.colonne-action': 'Enregistrement',
  'utilisateurs.aucun': 'Aucun utilisateur.',
  'utilisateurs.actif': 'Actif',
  'utilisateurs.inactif': 'Désactivé',
  'utilisateurs.en-attente': 'En attente d’activation',
  'utilisateurs.sans-profil': 'Aucun profil',
  'utilisateurs.vous': 'Votre compte',
  'utilisateurs.desactiver': 'Désactiver',
  'utilisateurs.reactiver': 'Réactiver',
  'utilisateurs.action-libelle': '{action} {name}',
  'utilisateurs.desactive': 'Le compte de {name} est désactivé.',
  'utilisateurs.reactive': 'Le compte de {name} est réactivé.',
  'utilisateurs.cree': 'Le compte « {login} » est créé. Un courriel d’activation est envoyé à son adresse.',
  'utilisateurs.code-demo': 'Mode démonstration : code d’activation de « {login} »',
  'utilisateurs.droit-pour': '{right} pour {name}',
  'utilisateurs.enregistrer-droits': 'Enregistrer',
  'utilisateurs.enregistrer-droits-libelle': 'Enregistrer les droits de {name}',
  'utilisateurs.droits-enregistres': 'Les droits de {name} sont enregistrés.',

  'organisations.aucune': 'Aucune organisation dans votre périmètre.',
  'organisations.active': 'Active',
  'organisations.inactive': 'Inactive',
  'organisations.sans-federation': 'Aucune',
  'organisations.creee': 'L’organisation « {name} » (SIREN {siren}) est créée. Identifiant de son administrateur : {login}.',
  'organisations.code-demo': 'Mode démonstration : code d’activation de {login}',
  'organisations.code-envoye': 'Le code d’activation est envoyé à l’administrateur.',
  'organisations.lien-activation': 'Ouvrir la page d’activation',
  'organisations.modifier': 'Modifier',
  'organisations.modifier-libelle': 'Modifier {name}',
  'organisations.modifier-titre': 'Modifier l’organisation « {name} »',
  'organisations.modifiee': 'L’organisation « {name} » (SIREN {siren}) est modifiée.',
  'import.resume': '{lines} ligne(s) lue(s) : {created} création(s), {updated} mise(s) à jour, {errors} erreur(s).',
  'import.resume-applique': 'Import appliqué. {lines} ligne(s) : {created} création(s), {updated} mise(s) à jour.',
  'import.erreurs': 'Le fichier contient des erreurs : corrigez-les, puis vérifiez-le à nouveau. Rien n’a été modifié.',
  'import.pret': 'Le fichier ne contient aucune erreur. Vous pouvez appliquer l’import.',
  'import.aucune-erreur': 'Aucune erreur.',
  'import-dossier.chapo': 'Dossier {questionnaire} (version {version}) – campagne {year} – SIREN {siren}',
  'import-dossier.sans-dossier': 'Aucun dossier n’est indiqué : ouvrez cette page depuis le dossier.',
  'import-dossier.correspondance': '{title} (colonnes {key} et {value})',
  'import-dossier.resume': '{lines} ligne(s) lue(s) : {changes} cellule(s) à modifier, {problems} problème(s).',
  'import-dossier.resume-applique': 'Import appliqué : {changes} cellule(s) modifiée(s) sur {lines} ligne(s) lue(s).',
  'import-dossier.erreurs': 'Le fichier contient des problèmes : corrigez-les, puis vérifiez-le de nouveau. Rien n’a été modifié.',
  'import-dossier.pret': 'Le fichier ne contient aucun problème. Vous pouvez appliquer l’import.',
  'import-dossier.rien': 'Le fichier ne modifie aucune cellule du dossier : il n’y a rien à appliquer.',
  'import-dossier.perime': 'Le dossier a été modifié entre-temps par quelqu’un d’autre : rien n’a été enregistré. Vérifiez le fichier de nouveau, puis appliquez l’import.',
  'import-dossier.tout-le-fichier': 'Fichier',
  'import-dossier.aucun-probleme': 'Aucun problème.',
  'import-dossier.aucune-modification': 'Aucune cellule modifiée.',
  'import-dossier.vide': '(vide)',
  'import-dossier.ignorees': '{count} cellule(s) calculée(s) ignorée(s), recalculée(s) par la plateforme : {cells}.',

  'menu.dossiers': 'Mes dossiers',
  'accueil.lien.dossiers': 'Saisir et consulter les dossiers de l’organisation',
  'dossiers.aucun': 'Aucun dossier pour l’instant.',
  'dossiers.ouvrir': 'Ouvrir le dossier {code} {year}',
  'campagne.PREPARATION': 'campagne en préparation',
  'campagne.OPEN': 'campagne ouverte',
  'campagne.CLOSED': 'campagne close',
  'campagne.ARCHIVED': 'campagne archivée',
  'sommaire.titre': '{title} – exercice {year}',
  'sommaire.chapo': 'SIREN {siren} – version {version} du questionnaire – {state}.',
  'sommaire.lecture-campagne': 'Cette campagne n’est pas ouverte : le dossier se consulte en lecture seule.',
  'sommaire.lecture-droits': 'Vos droits permettent de consulter ce dossier, pas de le modifier.',
  'sommaire.saisir': 'Saisir « {title} »',
  'sommaire.consulter': 'Consulter « {title} »',
  'sommaire.remplissage': '{filled} sur {entered}',
  'sommaire.importer': 'Importer des données depuis un fichier (CSV, XLSX, XML)',
  'sommaire.pieces': 'Pièces jointes (espace d’échange)',
  'sommaire.evolutions': 'Évolutions du questionnaire pour l’exercice {year}',
  'sommaire.aucune-annee': 'Aucun dossier pour les campagnes précédentes.',
  'sommaire.annee': 'Exercice {year} (version {version}, lecture seule)',
  'fiche.vide': 'Vide',
  'fiche.en-cours': 'En cours',
  'fiche.incomplete': 'Incomplète (obligatoires manquantes)',
  'fiche.complete': 'Complète',
  'evolutions.chapo': 'Questionnaire {code} : différences entre la version {from} (exercice précédent) et la version {to} (exercice {year}).',
  'evolutions.sans-precedent': 'Aucune version du questionnaire ne s’appliquait à l’exercice {year} : rien à comparer.',
  'evolutions.resume': '{added} cellule(s) ajoutée(s), {removed} supprimée(s), {changed} modifiée(s).',
  'evolutions.aucune': 'Aucune différence avec l’exercice précédent.',
  'evolutions.ADDED': 'Ajoutée',
  'evolutions.REMOVED': 'Supprimée',
  'evolutions.CHANGED': 'Modifiée',
  'saisie.chapo': '{title} – SIREN {siren}',
  'saisie.oui': 'Oui',
  'saisie.non': 'Non',
  'saisie.vide': '(vide)',
  'saisie.ligne': 'Ligne',
  'saisie.ligne-repetee': 'Ligne {n}',
  'saisie.obligatoire': '(obligatoire)',
  'saisie.n1': 'N-1 : {value}',
  'saisie.ajouter-ligne': 'Ajouter une ligne à « {table} »',
  'saisie.lecture-campagne': 'Lecture seule : la campagne n’est pas ouverte.',
  'saisie.lecture-droits': 'Lecture seule : vos droits ne permettent pas la saisie.',
  'saisie.non-enregistre': '{count} modification(s) non enregistrée(s).',
  'saisie.enregistrement': 'Enregistrement en cours…',
  'saisie.enregistre': 'Enregistré le {at}.',
  'saisie.enregistre-auto': 'Enregistré automatiquement le {at}.',
  'saisie.nombre-attendu': 'Saisissez un nombre (virgule pour les décimales).',
  'saisie.colle': '{count} cellule(s) collée(s). Vérifiez-les, puis enregistrez.',
  'saisie.conflit-texte': 'Depuis votre dernier chargement, {count} cellule(s) ont été enregistrées par d’autres, dont {mine} que vous avez aussi modifiée(s). Rien de votre saisie n’a été enregistré.',
  'saisie.conflit-eux': '{label} : {theirs} (par {actor})',
  'saisie.conflit-les-deux': '{label} : {theirs} (par {actor}) ; votre saisie : {mine}',
  'saisie.fusionne': 'Les valeurs des autres sont reprises ; vos {count} saisie(s) sont conservées. Vérifiez-les, puis enregistrez.',
  'saisie.historique-choisir': 'Placez-vous d’abord sur une cellule.',
  'saisie.historique-titre': 'Historique : {label}',
  'saisie.historique-vide': 'Cette cellule n’a jamais été modifiée.',

  'journal.organisation': 'Actions enregistrées pour {name} (SIREN {siren}).',
  'journal.perimetre': 'Actions enregistrées sur le périmètre : {perimeter}.',
  'journal.aucune': 'Aucune entrée dans le journal.',
  'journal.integre': 'Journal intègre : {checked} entrées vérifiées.',
  'journal.altere': 'Le journal n’est pas intègre : {checked} entrées vérifiées, {count} anomalie(s).',

};

/** The message for a key, with its {placeholders} filled; the key itself when it is unknown. */
export function t(key, params = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
const instant = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Paris' });
const dateOnly = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/** A date and time written the French way, or the given fallback when there is none. */
export function formatDateTime(value, fallback = '') {
  return value ? dateTime.format(new Date(value)) : fallback;
}

/** An instant written the French way to the second, in the time of metropolitan France (Europe/Paris). */
export function formatInstant(value, fallback = '') {
  return value ? instant.format(new Date(value)) : fallback;
}

/** A date written the French way, or the given fallback when there is none. */
export function formatDate(value, fallback = '') {
  return value ? dateOnly.format(new Date(value)) : fallback;
}
