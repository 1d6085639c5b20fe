"""Verdicts: the spec's general rules on real sentences, and the same verdicts whatever made the file."""
from __future__ import annotations

import pytest

from analyser.annotate import split_sentences
from analyser.assess import DEFAULT_THRESHOLDS, assess_requirement
from analyser.ingest import ingest_bytes
from analyser.library import load_library
from analyser.records import Clause
from analyser.render import render_docx, render_pdf
from analyser.segment import segment

LIBRARY = load_library()


def verdict(requirement_id: str, text: str, language: str = "en"):
    clause = Clause(id="c1", number="4.1", heading=None, text=text, page_start=2, page_end=2)
    split_sentences([clause], language)
    return assess_requirement(LIBRARY.get(requirement_id), [clause])


@pytest.mark.parametrize("requirement_id,text,status", [
    # opt-out is not opt-in
    ("no-training-on-customer-data", "We may use your prompts to improve our models unless you opt out in the settings.",
     "not_met"),
    ("no-training-on-customer-data", "We will not use Customer Content to train our models unless Customer explicitly "
                                     "opts in.", "met"),
    # a vague limit is no limit
    ("limited-retention", "We retain inputs and outputs for as long as necessary to provide the Services.", "not_met"),
    ("limited-retention", "Inputs and outputs are deleted within 30 days.", "met"),
    # a reference to another document decides nothing
    ("breach-notification", "Security incidents are handled as described in our Data Processing Addendum.",
     "not_addressed"),
    # a definition commits to nothing
    ("customer-owns-output", "“Services” means the services for businesses that we provide and improve.",
     "not_addressed"),
    # an exception that lets the content through after all undoes the promise; one for the law does not
    ("no-training-on-customer-data", "Customer Content shall not be used to train machine learning models, except to "
                                     "the extent such Content has been de-identified and aggregated.", "not_met"),
    ("no-training-on-customer-data", "Customer Content shall not be used to train machine learning models, except "
                                     "where Customer has explicitly opted in.", "met"),
    # keeping one's inputs is half of owning the output; never selling is not never sharing
    ("customer-owns-output", "Customer retains all ownership rights in the content it uploads.", "not_addressed"),
    ("customer-owns-output", "Customer retains all rights in its inputs and owns all outputs generated for it.", "met"),
    ("no-third-party-sharing", "We never sell your data.", "not_addressed"),
    ("no-third-party-sharing", "We do not sell your data or share it with third parties.", "met"),
    # a period for backups is not a limit on the content; informing of a legal duty to process is not about requests
    ("limited-retention", "Encrypted backups are rotated and expire automatically within 30 days.", "not_addressed"),
    ("government-access-notice", "Supplier processes personal data only on Customer's documented instructions, unless "
                                 "required by law, in which case it informs Customer of that legal requirement.",
     "not_addressed"),
    ("government-access-notice", "Supplier will notify Customer of any request from a public authority for Customer "
                                 "Data, unless prohibited by law.", "met"),
    # Dutch
    ("no-training-on-customer-data", "Leverancier gebruikt Input niet om modellen te trainen, tenzij anders vermeld in de "
                                     "privacyverklaring.", "not_met"),
    ("limited-retention", "De Leverancier bewaart de gegevens zo lang als nodig is voor de dienstverlening.", "not_met"),
    ("eu-governing-law", "Op deze overeenkomst is Nederlands recht van toepassing.", "met"),
    # data that "may be deleted" is not a duty to delete; what happens to a child's data says nothing of the exit
    ("deletion-on-exit", "After 30 days, all Customer Data may be permanently deleted.", "not_met"),
    ("deletion-on-exit", "If we learn that we collected data from a child, we will delete it promptly.", "not_addressed"),
    ("no-training-on-customer-data", "No Customer Personal Data is used to train AI models.", "met"),
    # the law of a named country: in the EU or not
    ("eu-governing-law", "This Agreement is governed by the laws of the Republic of Ireland.", "met"),
    ("eu-governing-law", "This Agreement is governed by the laws of the Republic of India.", "not_met"),
    # accepting for oneself and one's organisation binds a business; a controller role for billing is no contradiction
    ("business-terms", "By using the Service, you agree to these Terms on behalf of yourself and the organization you "
                       "represent.", "not_addressed"),
    ("processor-role", "Acme processes certain Personal Data as an independent controller for account management and "
                       "billing.", "not_addressed"),
    # how long the agreement runs is not how long data is kept
    ("limited-retention", "Deze overeenkomst geldt zolang de klant gebruik maakt van de dienst.", "not_addressed"),
    # a possessive inside the cue: still the term of the subscription
    ("limited-retention", "The duration of the Processing is the term of the Customer's subscription to the App.",
     "not_met"),
    # the customer's restrictions (a list item under "You shall not:") grant the vendor nothing over the content
    ("customer-owns-output", "Resell, sublicense, rent, lease, or otherwise make the Service or its output "
                             "available to third parties.", "not_addressed"),
    ("no-unilateral-changes", "This DPA may only be modified by a written amendment signed by both parties.", "met"),
    ("subprocessor-control", "Indien Verwerker de verwerking aan derden uitbesteedt, zal Verwerker de "
                             "Verwerkingsverantwoordelijke daarover voorafgaand toestemming vragen.", "met"),
    # "no transfer outside the EEA, unless:" and then the cases in which it happens
    ("eu-data-residency", "Verwerker geeft geen Persoonsgegevens door aan een land buiten de EER, tenzij:", "not_met"),
    # every member state's law, and the law where the customer is established, are EU law for a Dutch buyer
    ("eu-governing-law", "These Terms are governed by the laws of the Republic of Cyprus.", "met"),
    ("eu-governing-law", "This DPA shall be governed by the laws of the jurisdiction where the Controller is "
                         "established.", "met"),
    ("transfer-safeguards", "Wij geven geen gegevens door naar landen buiten de EER, tenzij er passende waarborgen "
                            "zijn getroffen.", "met"),
    # "processor" is a role, not the verb "process": the customer as controller is no contradiction
    ("processor-role", "Leadwing acts as a data processor; the Client acts as the data controller.", "not_addressed"),
    # side deals, a sentence that only introduces its conditions, and excluding the right of withdrawal decide nothing
    ("no-unilateral-changes", "Afwijkingen gelden alleen als ze uitdrukkelijk en schriftelijk zijn overeengekomen.",
     "not_addressed"),
    ("subprocessor-control", "Soledgic may engage Sub-processors subject to:", "not_addressed"),
    ("business-terms", "Het herroepingsrecht is uitgesloten, tenzij anders overeengekomen.", "not_addressed"),
    # feedback is not the customer's content; a role another document describes is not decided here
    ("no-training-on-customer-data", "Any feedback, suggestions, or ideas provided by Customer regarding the Service "
                                     "may be freely used by Provider to improve the Service.", "not_addressed"),
    ("processor-role", "Processing for which the Provider acts as controller is described in the separate Privacy "
                       "Policy.", "not_addressed"),
    # an aim is no commitment; notice only where the law requires it, and a list of privacy rights, commit nothing
    ("subprocessor-control", "We aim to provide at least 30 days' notice before adding a new Sub-processor, and you "
                             "may object to the change.", "not_addressed"),
    ("breach-notification", "Wij streven ernaar de Klant binnen 24 uur na ontdekking van een datalek te informeren.",
     "not_addressed"),
    ("breach-notification", "We will notify you and the Information Commissioner's Office of a personal data breach "
                            "where required by law.", "not_addressed"),
    ("no-third-party-sharing", "California residents may know, delete, correct, and opt out of sale/sharing (we do "
                               "not sell/share as defined above).", "not_addressed"),
    # a list of things never done; a customer named "Operator"; use only to provide; access for the auditor
    ("no-training-on-customer-data", "Never sell Customer Data, use it for advertising, or use it to train AI "
                                     "models.", "met"),
    ("breach-notification", "Courtside will notify the Operator without undue delay, and in any case within 72 "
                            "hours of becoming aware of a Security Incident.", "met"),
    ("processor-role", "The Processor processes Customer Data on the Customer's behalf only to provide, secure "
                       "and support the Services.", "met"),
    ("audit-rights", "IntrICT verleent de verwerkingsverantwoordelijke of diens gemachtigde auditor toegang tot alle "
                     "informatie die nodig is om de naleving aan te tonen.", "met"),
    # helping the customer judge its own duty; data collected by mistake; not shown to other users
    ("breach-notification", "Bij een datalek geven wij je de informatie die je nodig hebt om zelf te kunnen "
                            "beoordelen of je moet melden bij de Autoriteit Persoonsgegevens.", "not_addressed"),
    ("deletion-on-exit", "If we discover that we have inadvertently collected such data, we will delete it promptly.",
     "not_addressed"),
    ("no-third-party-sharing", "We will not share your content with other users or publish it publicly.",
     "not_addressed"),
    # a model provider's own practices; a duty put on sub-processors; cookie data; a remedy period
    ("no-training-on-customer-data", "Any data you send to an LLM Provider through the Services is subject to that "
                                     "provider's data handling and privacy practices, which may include logging, human "
                                     "review, or use for model improvement depending on your agreement with that "
                                     "provider.", "not_addressed"),
    ("processor-role", "Any data you send to an LLM Provider is subject to that provider's data handling and privacy "
                       "practices, which may include use for model improvement.", "not_addressed"),
    ("no-training-on-customer-data", "Where an AI sub-processor processes Customer personal data for inference, Kourti "
                                     "contractually requires that sub-processor not to use such data for model "
                                     "training or improvement.", "not_addressed"),
    ("no-third-party-sharing", "We do not sell, share, or use cookie data for advertising purposes.", "not_addressed"),
    ("deletion-on-exit", "Bij materiële wanprestatie kan de overeenkomst onmiddellijk worden beëindigd na schriftelijke "
                         "waarschuwing en een redelijke termijn voor herstel.", "not_addressed"),
    # never for its own purposes nor a third party's; a law chosen, with an exception for the GDPR; notice of a
    # disclosure the law requires
    ("no-third-party-sharing", "De Verwerker verwerkt de Persoonsgegevens nimmer voor eigen doeleinden, noch voor die "
                               "van derden.", "met"),
    ("eu-governing-law", "This DPA is governed by the laws of the Federal Republic of Nigeria, except where GDPR or UK "
                         "GDPR requires the application of the law of an EU Member State or the United Kingdom.",
     "not_met"),
    ("government-access-notice", "VoxSite shall not disclose Customer Personal Data to any third party, except (a) to "
                                 "the Subprocessors listed in Section 6, (b) where required by law (in which case "
                                 "VoxSite will, where legally permitted, notify the Customer in advance), or (c) on "
                                 "the Customer's documented instruction.", "met"),
    # clauses signed only on request; notice of new sub-processors; a promise about foundation models only
    ("transfer-safeguards", "TitanCrew can execute Standard Contractual Clauses (SCCs) upon request for EU-based "
                            "businesses.", "not_addressed"),
    ("no-unilateral-changes", "Change Notification: We will provide 30 days' advance notice of any material changes "
                              "to sub-processors via email.", "not_addressed"),
    ("no-training-on-customer-data", "We do not use Customer Content to train foundation models unless you separately "
                                     "agree to that use.", "not_addressed"),
    # notice of a disclosure the law requires; sub-processors used with no word on notice or objection
    ("government-access-notice", "Required legal disclosures to law enforcement may be made after notice when legally "
                                 "permitted.", "met"),
    ("subprocessor-control", "We use sub-processors such as OpenAI and Google Cloud to run the Service.", "not_met"),
    ("subprocessor-control", "Brantomics AI maakt gebruik van de volgende sub-verwerkers voor de uitvoering van haar "
                             "Diensten: Make.com, Anthropic (AI-verwerking), en Google Workspace.", "not_met"),
    # a state's residents' rights choose no law; processing the law requires is no authority's request; breach
    # notice "as required by law"; Google's API terms cover Google's data only
    ("eu-governing-law", "Under the laws of California, users of our Service who are California residents may "
                         "request certain information regarding our disclosure of personal information to third "
                         "parties.", "not_addressed"),
    ("government-access-notice", "If Teammato is required by law to process Personal Data otherwise, Teammato shall "
                                 "notify Customer before processing (unless prohibited by law).", "not_addressed"),
    ("breach-notification", "In the event of any data breach that affects your Personal Data, we will notify you and "
                            "the appropriate authorities as required by law.", "not_addressed"),
    ("no-training-on-customer-data", "We do not use any data obtained from Google Workspace APIs, including Gmail "
                                     "data, to develop, improve, or train generalized artificial intelligence (AI) or "
                                     "machine learning (ML) models.", "not_addressed"),
    # asking consent first permits nothing; a list item under "We will:"; notice to a nominated contact
    ("processor-role", "ABRAM may request your consent to use your data (including profile information, project "
                       "interactions, and platform usage patterns) to train and improve ABRAM's AI models and "
                       "algorithms.", "not_addressed"),
    ("customer-owns-output", "ABRAM may request your consent to use your data (including profile information, "
                             "project interactions, and platform usage patterns) to train and improve ABRAM's AI "
                             "models and algorithms.", "not_addressed"),
    ("no-training-on-customer-data", "not use your content to train models, ours or anyone else's, and not permit our "
                                     "sub-processors to;", "met"),
    ("breach-notification", "We will notify your nominated contact without undue delay, and in any case within "
                            "seventy-two hours of becoming aware of a personal data breach affecting your data.",
     "met"),
    # the agreement taking effect on first use is not a change of it
    ("no-unilateral-changes", "This DPA becomes effective upon the Customer's acceptance of the AcreOS Terms of Service "
                              "(by click-through acceptance or by continued use of the Service after the effective "
                              "date).", "not_addressed"),
    ("no-unilateral-changes", "De Verwerker behoudt het recht deze Overeenkomst eenzijdig aan te passen bij wijzigingen "
                              "in de AVG of gerelateerde regelgeving, mits 30 dagen voorafgaande kennisgeving.",
     "not_met"),
    # a licence to use the customer's data to improve the service is a use for the vendor's own purposes
    ("no-training-on-customer-data", "Customer hereby grants Movo a limited license to collect, store, and use "
                                     "Customer Data to provide, maintain, and improve the Service.", "not_met"),
    ("processor-role", "Customer hereby grants Movo a limited license to collect, store, and use Customer Data to "
                       "provide, maintain, and improve the Service.", "not_met"),
    ("limited-retention", "We may delete your data after a reasonable retention period.", "not_met"),
    # updating the security measures without lowering them changes no term
    ("no-unilateral-changes", "Processor may update these measures from time to time, provided that such updates do "
                              "not materially decrease the overall level of protection provided for Company Personal "
                              "Data.", "not_addressed"),
    # "appropriate safeguards" with no mechanism of Chapter V named
    ("transfer-safeguards", "JKT48Connect ensures appropriate safeguards are in place for any such transfers in "
                            "accordance with applicable data protection law.", "not_met"),
    # clauses the customer has to ask for are no safeguard in place
    ("transfer-safeguards", "If Customer requires GDPR or UK GDPR Standard Contractual Clauses or other cross-border "
                            "transfer mechanisms, Customer should contact privacy@deliverwms.com before uploading any "
                            "such personal data to the Service.", "not_addressed"),
    # sharing with the providers that run the service belongs to sub-processor control
    ("no-third-party-sharing", "We may share information with trusted service providers where necessary to operate "
                               "Kudos Cards.", "not_addressed"),
    # a blank form for the controller's name, and a product "ontwikkeld" (built) by the vendor, say nothing of roles
    ("processor-role", "Verwerkingsverantwoordelijke: Bedrijfsnaam: ____________ KvK-nummer: ____________", "not_addressed"),
    ("processor-role", "Verwerkingsverantwoordelijke maakt gebruik van de planningsapplicatie Planning (hierna: de "
                       "Dienst), ontwikkeld en beheerd door Verwerker.", "not_addressed"),
    # sharing only with the providers that act for the vendor is the spec's own exception
    ("no-third-party-sharing", "We will share your personal data only with service providers acting on our behalf to "
                               "provide the Service.", "met"),
    # how to send a request is no promise; a certificate still to come, or the hosting's, is no report for the customer
    ("no-third-party-sharing", 'To opt out, e-mail privacy@example.com with subject "Do Not Sell or Share My Personal '
                               'Information".', "not_addressed"),
    ("audit-rights", "SOC 2 Type II audit: engagement scoped; the certification target is a future date and it is not "
                     "yet attested.", "not_addressed"),
    ("audit-rights", "The platform runs on SOC 2 Type II certified infrastructure.", "not_addressed"),
    # notice of a data subject's request is not notice of an authority's
    ("government-access-notice", "Processor will assist Customer in responding to requests by Data Subjects to "
                                 "exercise their rights. If Processor receives such a request directly, it will, "
                                 "unless legally prohibited, promptly notify Customer and not respond except on "
                                 "Customer's instructions or as required by applicable law.", "not_addressed"),
    # the customer's general authorisation to use sub-processors decides `not_met` only where nothing gives notice and
    # a right to object (below: where something does, that decides)
    ("subprocessor-control", "The Customer acknowledges and agrees that arithmo may engage Sub-processors for the "
                             "provision of the Services under the Agreement.", "not_met"),
    # a list line read with its lead-in
    ("no-training-on-customer-data", "You grant Kastor a worldwide, non-exclusive license to use your content solely "
                                     "for:\nImproving our AI models and service quality", "not_met"),
    # a breach reported to the regulator alone is not notice to the customer
    ("breach-notification", "Gaat er iets mis met jouw gegevens (een datalek), dan meld ik dat binnen 72 uur bij de "
                            "Autoriteit Persoonsgegevens als dat verplicht is.", "not_addressed"),
    ("breach-notification", "We will without undue delay notify the supervisory authority of a personal data breach.",
     "not_addressed"),
    # "not outside the EEA without appropriate safeguards" allows the transfer
    ("eu-data-residency", "Persoonsgegevens worden niet overgedragen aan partijen buiten de Europese Economische Ruimte "
                          "(EER) zonder passende waarborgen conform Hoofdstuk V van de AVG.", "not_addressed"),
    ("eu-data-residency", "Personal data will not be transferred outside the EEA without appropriate safeguards.",
     "not_addressed"),
    # processing on behalf of business customers is the vendor's role, not whom the terms are for
    ("business-terms", "When our AI receptionist answers calls on behalf of our business customers, we act as their "
                       "processor.", "not_addressed"),
    ("business-terms", "Wij verwerken deze gegevens namens onze zakelijke klanten, die de verwerkingsverantwoordelijke "
                       "zijn.", "not_addressed"),
    # data the customer deleted, purged from back-ups later, is not deletion at the end of the contract
    ("deletion-on-exit", "All form data which has been deleted by the customer is permanently deleted from our back-ups "
                         "within 90 days.", "not_addressed"),
    ("deletion-on-exit", "Gegevens die de klant zelf heeft verwijderd, worden binnen 90 dagen uit onze back-ups gewist.",
     "not_addressed"),
    # a first-person privacy statement; CCPA-defined selling, marketing-only promises and the limits of a duty of
    # confidentiality are no promise not to share
    ("no-third-party-sharing", "Ik verkoop jouw gegevens nooit aan derden, ook niet aan de partijen waarmee ik "
                               "samenwerk.", "met"),
    ("no-third-party-sharing", 'PSI shall not sell or share Customer Personal Data as the terms "sell" and "share" are '
                               'defined in the CCPA.', "not_addressed"),
    ("no-third-party-sharing", "We do not disclose personal information to third parties for their direct marketing "
                               "purposes.", "not_addressed"),
    ("no-third-party-sharing", "Wij verkopen uw persoonsgegevens niet aan derden voor marketing- of andere commerciële "
                               "doeleinden van de ontvanger.", "not_addressed"),
    ("no-third-party-sharing", "Deze geheimhoudingsplicht geldt niet voor informatie die op het moment van verstrekking "
                               "al openbaar was bij de ontvanger.", "not_addressed"),
    # a drafting placeholder commits to nothing yet
    ("transfer-safeguards", "[PLACEHOLDER — DPA specifics: sub-processor list, standard contractual clauses / transfer "
                            "mechanism, processing details, and DPA URL, to be prepared by counsel.]", "not_addressed"),
    ("eu-data-residency", "Alle persoonsgegevens worden opgeslagen en verwerkt binnen de Europese Economische Ruimte, in "
                          "Microsoft Azure (regio [in te vullen: West Europe / North Europe]).", "not_addressed"),
    # how long the vendor keeps its own logs says nothing about the customer's data at the end
    ("deletion-on-exit", "Audit logs are retained for up to 180 days, then permanently deleted.", "not_addressed"),
    # the time to answer a data subject's request is not a deletion period
    ("deletion-on-exit", "We will respond to verified deletion requests within 30 days, as required by law.",
     "not_addressed"),
    # a lawful basis says why personal data may be processed, not what the vendor commits to
    ("no-training-on-customer-data", "Lawful basis: We process your personal data on the basis of contractual necessity "
                                     "(to provide the Service), legitimate interests (to improve and secure the "
                                     "Service), and consent (where you have provided it).", "not_addressed"),
    ("no-training-on-customer-data", "Gerechtvaardigd belang (art. 6 lid 1 sub f AVG): voor het functioneren en "
                                     "beveiligen van de website en het verbeteren van onze dienstverlening.",
     "not_addressed"),
    # a promise made for the model providers ("by them"), or about a named provider's models, is not the vendor's
    ("no-training-on-customer-data", "Je gegevens worden door de AI-aanbieders niet gebruikt om modellen te trainen; "
                                     "wij gebruiken hun zakelijke API.", "not_addressed"),
    ("no-training-on-customer-data", "We do not use your personal data for model training (the LLM providers you "
                                     "connect may have their own policies).", "not_addressed"),
    ("no-training-on-customer-data", "Your documents are never used to train or improve OpenAI's models.",
     "not_addressed"),
    ("no-training-on-customer-data", "Gegevens van de Gemini API worden niet gebruikt voor modeltraining conform het "
                                     "Google Cloud Data Processing Agreement.", "not_addressed"),
    # keeping one customer's data from another is tenant isolation, not a promise about third parties
    ("no-third-party-sharing", "We never share data between different customers.", "not_addressed"),
    # a promise that holds only where US state privacy laws apply
    ("no-third-party-sharing", "To the extent U.S. state privacy laws apply, Acme will not sell or disclose Customer "
                               "Personal Data outside the business purposes of the Service.", "not_addressed"),
    # safeguards that "may include" the user's consent commit to no transfer safeguard
    ("transfer-safeguards", "Where legally required, we use appropriate safeguards for international transfers, which "
                            "may include standard contractual clauses, adequacy decisions or user consent.",
     "not_addressed"),
    # processing the law requires of the vendor (GDPR art. 28(3)(a)) is not an authority's request
    ("government-access-notice", "As required by applicable law, in which case Acme shall inform the Customer unless "
                                 "prohibited by law.", "not_addressed"),
    ("government-access-notice", "Verplicht Unierecht of lidstatelijk recht de Verwerker tot een andere verwerking, "
                                 "dan stelt de Verwerker de Klant daarvan vooraf op de hoogte.", "not_addressed"),
    # a breach reported to the regulator alone is not notice to the customer
    ("breach-notification", "Melding aan de AP: binnen 72 uur na ontdekking van een datalek.", "not_addressed"),
    # the customer's duty not to build competing products, and marketing opt-outs, are not about training
    ("no-training-on-customer-data", "You may not use the Service to develop competing products or services.",
     "not_addressed"),
    ("no-training-on-customer-data", "Marketing consent and opt-out data are retained for three years.",
     "not_addressed"),
    # VAT treatment says nothing about where data is kept, and invoices are the vendor's own records
    ("eu-data-residency", "Facturen vermelden de btw-behandeling: Nederlandse btw, verlegde btw binnen de EU of "
                          "levering buiten de EU.", "not_addressed"),
    ("eu-data-residency", "Invoices state the VAT treatment for customers outside the EU.", "not_addressed"),
    ("limited-retention", "Facturen bewaren we zolang de belastingwet dat vereist.", "not_addressed"),
    ("limited-retention", "We keep invoices for as long as tax law requires.", "not_addressed"),
    # updating the security measures without lowering them is no change of the terms
    ("no-unilateral-changes", "Acme may update measures without materially reducing overall protection.",
     "not_addressed"),
    # cooperation the law requires is the legal-requirement exception, not disclosure at the vendor's discretion
    ("government-access-notice", "We keep billing records and cooperate with competent authorities where legally "
                                 "mandated.", "not_addressed"),
    # passing a request on to the customer instead of answering it is no promise about disclosure
    ("no-third-party-sharing", "If Acme receives a request directly from a regulator or other third party, Acme "
                               "will not respond other than to direct the requester to the Customer.",
     "not_addressed"),
    # notice and objection "described there", in another document, decide nothing here
    ("subprocessor-control", "You authorise the engagement of sub-processors generally, subject to the notification "
                             "and objection procedure described there.", "not_addressed"),
    # a provider's DPA in a list of sub-processors is not this document; a DPA entered into also for the customer's
    # affiliates binds a business
    ("business-terms", "DPA: Stripe Data Processing Agreement (incorporated into the Stripe Services Agreement "
                       "automatically).", "not_addressed"),
    ("business-terms", "If you accept the Terms, you enter into the DPA on behalf of yourself and, as applicable, in "
                       "the name and on behalf of your Authorized Affiliates.", "not_addressed"),
    # the customer's affiliates as controllers, and the vendor as controller of its own staff and visitors' data
    ("processor-role", "Acme processes Personal Data for which such Authorized Affiliates qualify as the Controller.",
     "not_addressed"),
    ("processor-role", "Individuals whose data we process as a controller, such as our own employees, prospects and "
                       "website visitors.", "not_addressed"),
    # usage statistics are not the customer's content
    ("no-training-on-customer-data", "Wij kunnen gebruiksstatistieken van de klant gebruiken om de dienst te "
                                     "verbeteren.", "not_addressed"),
    ("customer-owns-output", "Gebruiksstatistieken van de klant bewaren we voor de verbetering van de dienst.",
     "not_addressed"),
    # naming the customer in marketing is publicity; insights derived from the content are output
    ("customer-owns-output", "Customer grants Acme a limited licence to use Customer's name and logo in Acme's "
                             "marketing materials.", "not_addressed"),
    ("customer-owns-output", "You retain all rights to your content, including the insights and recommendations "
                             "derived from it.", "met"),
    # transferring the terms in a merger is assignment, not sharing data
    ("no-third-party-sharing", "You can't transfer these terms to someone else without our consent; we may transfer "
                               "them as part of a merger.", "not_addressed"),
    # cooperation with the data protection regulator is no authority's access to the customer's data
    ("government-access-notice", "Cooperation with supervisory authorities", "not_addressed"),
    ("government-access-notice", "Samenwerking met de toezichthouder bij een onderzoek naar de verwerking.",
     "not_addressed"),
    # a law that holds only for the customers of one contracting entity leaves the others' open
    ("eu-governing-law", "Voor klanten die contracteren met Acme B.V. geldt Nederlands recht en is de rechtbank "
                         "Amsterdam bevoegd.", "not_addressed"),
    ("eu-governing-law", "For customers contracting with Acme GmbH, German law applies and the courts of Berlin have "
                         "jurisdiction.", "not_addressed"),
    # the customer "can" notify the regulator after the vendor's notice: no discretion of the vendor's
    ("breach-notification", "Verwerker informeert de Klant zonder onredelijke vertraging na ontdekking van een datalek, "
                            "zodat de Klant zo nodig binnen 72 uur bij de Autoriteit Persoonsgegevens kan melden.",
     "met"),
    ("breach-notification", "Acme will notify Customer without undue delay after becoming aware of a Personal Data "
                            "Breach, so that Customer can notify the supervisory authority within 72 hours.", "met"),
    # notice "as required by" a named law, with no delay or deadline, is the law's duty
    ("breach-notification", "If we become aware of a security breach, we will notify you and the relevant authorities "
                            "as required by Rwanda Law N° 058/2021 and any other applicable law.", "not_addressed"),
    ("breach-notification", "Bij een datalek informeren wij de klant zoals de wet dat vereist.", "not_addressed"),
    # a privacy policy's line on minors' data sets no age limit; "legitimate business purposes" are the vendor's own
    ("business-terms", "We do not knowingly collect Personal Information from users under the age of sixteen.",
     "not_addressed"),
    ("business-terms", "If you believe a minor has provided us with personal data, please contact us directly.",
     "not_addressed"),
    ("business-terms", "Wij verzamelen niet bewust de gegevens van personen jonger dan zestien jaar.", "not_addressed"),
    ("business-terms", "We need to retain limited information for legitimate business purposes.", "not_addressed"),
    # no training of models other customers use leaves the rest of training open
    ("no-training-on-customer-data", "Acme does not use Customer Personal Data to train models made available to "
                                     "other customers.", "not_addressed"),
    ("no-training-on-customer-data", "Acme gebruikt de gegevens niet om modellen te trainen die aan andere klanten "
                                     "beschikbaar worden gesteld.", "not_addressed"),
    # processing the law requires without the customer's instruction (GDPR art. 28(3)(a), in plain Dutch)
    ("government-access-notice", "Moeten wij op grond van de wet iets doen waar jij geen opdracht toe hebt gegeven, dan "
                                 "melden wij dat vooraf, tenzij die wet dat verbiedt.", "not_addressed"),
    # a reasonable time to do the work is no retention period
    ("limited-retention", "Daarna zal Acme de werkzaamheden alsnog binnen een redelijke termijn uitvoeren.",
     "not_addressed"),
    ("limited-retention", "Acme will then perform the services within a reasonable time.", "not_addressed"),
    # the data subject's right to erasure is not deletion at the end of the contract
    ("deletion-on-exit", "Erasure — request deletion of your data where it is no longer necessary, or where "
                         "processing is unlawful;", "not_addressed"),
    ("deletion-on-exit", "Recht op verwijdering: u kunt ons vragen de gegevens te wissen als ze niet langer nodig "
                         "zijn.", "not_addressed"),
    # sharing named in a list of things the vendor will not do
    ("no-third-party-sharing", "We will not use your content to train AI models, share it with third parties, or use "
                               "it for any purpose other than delivering the Service.", "met"),
    # a "company information" or DUNS line names where the company is, not where data is kept
    ("eu-data-residency", "Company Information: Acme Inc. DUNS Number: 119536275 Location: Texas, United States",
     "not_addressed"),
    # a negation inside brackets ("codes, never names") does not undo a transfer outside the EU
    ("eu-data-residency", "Er is één uitzondering: de AI-leverancier verwerkt de gemaskeerde gegevens (codes, nooit "
                          "namen) mede buiten de EU, in de Verenigde Staten.", "not_met"),
    ("eu-data-residency", "One exception: the AI provider processes the masked data (codes, never names) in the "
                          "United States.", "not_met"),
    # not sharing "without a legal basis" leaves sharing on any lawful basis open
    ("no-third-party-sharing", "Acme verwerkt de persoonsgegevens van werknemers conform de AVG en deelt deze niet met "
                               "derden zonder grondslag.", "not_addressed"),
    ("no-third-party-sharing", "We do not share personal data with third parties without a legal basis.",
     "not_addressed"),
    # usage data the vendor keeps for itself does not make it the controller of the customer's data
    ("processor-role", "Daarnaast houden we wat eenvoudige gebruiksgegevens bij om de dienst te verbeteren, zoals hoe "
                       "vaak je een tool gebruikt.", "not_addressed"),
    # how long a fee is charged is neither a retention period nor deletion at exit
    ("limited-retention", "Acme rekent de maandelijkse fee door zolang de vacature de status open heeft.",
     "not_addressed"),
    ("limited-retention", "The monthly fee is charged for as long as the vacancy remains open.", "not_addressed"),
    ("deletion-on-exit", "Na afloop van de proefperiode wordt de maandelijkse fee per vacature vooraf in rekening "
                         "gebracht.", "not_addressed"),
    ("deletion-on-exit", "After the end of the trial period, the monthly fee is charged in advance for each vacancy.",
     "not_addressed"),
    # "minor updates" are small changes, not children
    ("business-terms", "Minor updates may be made with 30 days notice.", "not_addressed"),
    # the vendor's own service "with all content, features and functionality" is not the customer's content
    ("customer-owns-output", "The Service, including all content, features, and functionality, is owned by Acme Inc. "
                             "and protected by copyright.", "not_addressed"),
    ("customer-owns-output", "De dienst, met alle inhoud, functies en functionaliteit, is eigendom van de leverancier "
                             "Acme B.V.", "not_addressed"),
    # processing to "improve the Services for Customer" grants the vendor no rights in the content
    ("customer-owns-output", "Acme will process Customer Personal Data only to provide, secure, support, and improve "
                             "the Services for Customer.", "not_addressed"),
    # sharing as the last of a list of things not done
    ("no-third-party-sharing", "We do not access, use, or share your data except as necessary to provide our services "
                               "or as required by law.", "met"),
    # disclosure "wanneer dit wordt vereist door de wet", with no notice, as in English
    ("government-access-notice", "We kunnen informatie openbaar maken wanneer dit wordt vereist door de wet, "
                                 "gerechtelijk bevel of overheidsautoriteit.", "not_met"),
    # kept "voor de duur van de serviceovereenkomst": retention for the term
    ("limited-retention", "Actieve accounts: alle gegevens worden bewaard voor de duur van de serviceovereenkomst.",
     "not_met"),
    # no training of "public LLMs" leaves training the vendor's own models open
    ("no-training-on-customer-data", "Acme does not use Customer Codebase or end-user data to train public LLMs.",
     "not_addressed"),
    # a service that helps customers prepare for their own audits grants no audit right
    ("audit-rights", "Acme helps organisations manage controls and evidence, and prepare for audits against "
                     "frameworks such as ISO/IEC 27001 and SOC 2.", "not_addressed"),
    ("audit-rights", "Acme helpt organisaties bij het voorbereiden op audits tegen kaders zoals ISO 27001 en SOC 2 "
                     "van de sector.", "not_addressed"),
    # a no-sharing promise only for advertising, marketing or profiling leaves every other disclosure open
    ("no-third-party-sharing", "Acme does not sell, rent, or share your email content or contact data with third "
                               "parties for advertising, marketing, or profiling purposes.", "not_addressed"),
    # a reseller selling goods under retention of title shares no data
    ("no-third-party-sharing", "Een klant die als wederverkoper optreedt, mag de zaken die onder het "
                               "eigendomsvoorbehoud van de leverancier vallen verkopen en doorleveren.", "not_addressed"),
    # the time to answer data subjects' requests is no deletion period
    ("deletion-on-exit", "Requests to access, change, or delete personal data made to Acme will be addressed within "
                         "30 days or earlier if required by applicable laws.", "not_addressed"),
    # the vendor's right to reuse general ideas and know-how is not the customer's data
    ("no-training-on-customer-data", "Leverancier heeft het recht de algemene beginselen, ideeën en programmeertalen "
                                     "die aan de ontwikkeling van een werk ten grondslag liggen te gebruiken.",
     "not_addressed"),
    ("processor-role", "Leverancier heeft het recht de algemene beginselen, ideeën en programmeertalen die aan de "
                       "ontwikkeling van een werk ten grondslag liggen te gebruiken.", "not_addressed"),
    # a law defined "as amended from time to time" changes by itself; the vendor updating its terms does not
    ("no-unilateral-changes", "NDPR | The Nigeria Data Protection Regulation, as amended from time to time, "
                              "supervised by the NDPC.", "not_addressed"),
    ("no-unilateral-changes", "AVG: de Algemene Verordening Gegevensbescherming, zoals van tijd tot tijd gewijzigd.",
     "not_addressed"),
    ("no-unilateral-changes", "Agreement: the Acme Terms and Conditions, as may be updated by Acme from time to time.",
     "not_met"),
    # updating the security measures is not a change of the terms, in Dutch as in English
    ("no-unilateral-changes", "Leverancier is gerechtigd de beveiligingsmaatregelen van tijd tot tijd aan te passen "
                              "indien dit noodzakelijk is als gevolg van veranderende omstandigheden.", "not_addressed"),
    # a no-sharing promise in the passive voice, and a Dutch "geen … delen met derden" (not read as sharing)
    ("no-third-party-sharing", "It is not shared with third parties or used for purposes beyond the Acme service.",
     "met"),
    ("no-third-party-sharing", "Acme zal geen bedrijfsgevoelige gegevens of systeem-toegangen delen met derden zonder "
                               "expliciete toestemming van de klant.", "met"),
    # engaging sub-processors "per the process set forth in Section 6" is no freedom without notice
    ("subprocessor-control", "Acme may engage Subprocessors (per the process set forth in Section 6 hereof) located "
                             "outside of the selected Data Residency location. Acme lists its Subprocessors at "
                             "acme.com/subprocessors, notifies Customer 30 days before adding one, and Customer may "
                             "object to the new Subprocessor.", "met"),
    # recordings and transcripts are the content of a voice service
    ("limited-retention", "By default call audio and transcripts are stored for 30 days; you can request deletion "
                          "sooner.", "met"),
    # an export window, then deletion, is a stated period; a carve-out for logs and back-ups leaves it standing
    ("deletion-on-exit", "On termination we will make Customer Data exportable for 30 days; then we delete it.", "met"),
    ("deletion-on-exit", "Na beëindiging kan de klant zijn gegevens gedurende 30 dagen exporteren, waarna wij ze "
                         "verwijderen.", "met"),
    ("deletion-on-exit", "Following termination of the Agreement, Acme will delete all Customer Content within sixty "
                         "(60) days. For clarity, this obligation does not apply to Customer Personal Data contained "
                         "only in system generated logs, audit trails and backups that are maintained and deleted in "
                         "accordance with Acme's standard retention schedule.", "met"),
    # processing allowed outside the EEA with no safeguard named
    ("transfer-safeguards", "Bij gebruik van AI-modelproviders buiten de EER (zoals OpenAI of Anthropic) kan "
                            "gegevensverwerking buiten de EER plaatsvinden.", "not_met"),
    ("transfer-safeguards", "When AI model providers outside the EEA are used, processing may take place outside the "
                            "EEA.", "not_met"),
    ("transfer-safeguards", "Indien een subverwerker persoonsgegevens buiten de EER verwerkt, wordt dit afgedekt door "
                            "Standard Contractual Clauses (EU 2021/914).", "met"),
    # how a data subject's request is answered is no statement of the vendor's role
    ("processor-role", "Acme shall ensure that it does not respond to that request except on the documented "
                       "instructions of the Data Controller or as required by applicable Data Protection Laws.",
     "not_addressed"),
    ("processor-role", "De verwerker zal niet rechtstreeks reageren op een verzoek van een betrokkene, behalve op de "
                       "gedocumenteerde instructies van de verwerkingsverantwoordelijke.", "not_addressed"),
    # amendments valid only in writing and signed by both parties
    ("no-unilateral-changes", "No modification or amendment to this Agreement shall be valid or binding unless made in "
                              "writing and duly executed by the Parties.", "met"),
    # a right to terminate (or object) when the customer does not accept changed terms answers the right to change
    ("no-unilateral-changes", "Acme behoudt zich het recht voor deze voorwaarden te wijzigen. Gewijzigde voorwaarden "
                              "treden in werking 30 dagen na bekendmaking aan de Klant. Indien Klant niet instemt met de "
                              "gewijzigde voorwaarden, heeft Klant het recht de overeenkomst op te zeggen.", "met"),
    ("no-unilateral-changes", "Acme may amend these Terms on at least sixty (60) days' written notice. If an amendment "
                              "materially and adversely affects you, you may terminate the affected Order Form.", "met"),
    ("no-unilateral-changes", "Acme reserves the right to modify this DPA. Any changes or additions to this DPA will "
                              "become a binding part of the agreement unless the Customer objects within thirty (30) "
                              "days.", "met"),
    # ... but not a right to end the contract over a price increase, nor one that continued use takes back
    ("no-unilateral-changes", "Acme mag deze voorwaarden wijzigen. Acme mag de prijs verhogen; is de klant het daarmee "
                              "niet eens, dan kan zij de overeenkomst opzeggen tegen de ingangsdatum.", "not_met"),
    ("no-unilateral-changes", "Acme mag deze voorwaarden wijzigen. Ben je het niet eens met de wijziging, dan mag je "
                              "opzeggen. Blijf je de dienst daarna gebruiken, dan geldt de nieuwe versie.", "not_met"),
    ("no-unilateral-changes", "Acme reserves the right to modify these terms. If you do not agree to the changes, you "
                              "may terminate. Continued use of the Services after a change means you accept the changed "
                              "terms.", "not_met"),
    # "notice" given by updating a web page reaches nobody, unless notice is also sent
    ("subprocessor-control", "Acme will provide notice of material new Sub-processors by updating this page or another "
                             "reasonably accessible notice.", "not_met"),
    # a stated window after termination, then deletion
    ("deletion-on-exit", "We will retain your data for 30 days after termination, during which you may request an "
                         "export. After 30 days, your data will be permanently deleted.", "met"),
    # offering further services provides no data; a provider's own transfer basis is not sharing
    ("no-third-party-sharing", "Acme may provide certain additional services (such as consulting, training, custom "
                               "integrations) under a separate statement of work.", "not_addressed"),
    ("no-third-party-sharing", "Stripe kan gegevens doorgeven aan Stripe, Inc. in de Verenigde Staten op basis van het "
                               "EU-VS Data Privacy Framework.", "not_addressed"),
    # how long the DPA lasts is no retention period; message text is content
    ("limited-retention", "Duration: This DPA is effective from the date of last signature and continues for as long as "
                          "Acme processes personal data on behalf of the Controller.", "not_addressed"),
    ("limited-retention", "Raw message text is not retained beyond the active request.", "met"),
    # no sharing "with any third parties for marketing purposes" is a promise for that purpose only
    ("no-third-party-sharing", "Data Sharing: We will NOT share your mobile phone number or SMS opt-in consent with any "
                               "third parties for marketing purposes.", "not_addressed"),
    # advertising purposes named inside a list of things the vendor will not do are no sharing for them
    ("no-third-party-sharing", "Acme certifies that it will not (a) sell Customer Personal Data; (b) share or otherwise "
                               "disclose Customer Personal Data to third parties for targeted advertising purposes.",
     "not_addressed"),
    # processing on the customer's behalf and in accordance with its instructions
    ("processor-role", "Acme will Process Customer Personal Data on behalf of Customer and in accordance with "
                       "Customer's prior written instructions.", "met"),
    # the law of the Slovak Republic; where the vendor is based is no choice of law
    ("eu-governing-law", "This DPA is governed by the law of the Slovak Republic and the GDPR.", "met"),
    ("eu-governing-law", "Acme is based in the United States.", "not_addressed"),
    # suppliers whose work "should involve an international transfer of data" leave the data free to leave the EU
    ("eu-data-residency", "In the event that the intervention of any of the suppliers involved in the provision of "
                          "services should involve an international transfer of data, the same will be adequately "
                          "regulated.", "not_met"),
    # the customer's general authorisation beside notice and a right to object: those decide
    ("subprocessor-control", "Customer agrees that Company may engage Sub-processors to process Personal Data on "
                             "Customer's behalf. Company will notify Customer in advance of any new Sub-processor "
                             "and Customer may object to the change.", "met"),
    # a retention table's "+ 30 days after account deletion" is a stated period after the end
    ("deletion-on-exit", "| Account data | Duration of the contract + 30 days after account deletion | Contractual "
                         "necessity; 30-day grace period to allow data export |", "met"),
    ("deletion-on-exit", "Klantgegevens bewaren wij de duur van de overeenkomst + 30 dagen na beëindiging van de "
                         "overeenkomst.", "met"),
    # no training "for other customers" leaves training for this customer, or the vendor's own, open
    ("no-training-on-customer-data", "We do not use your content or brand data to train AI models for other "
                                     "customers.", "not_addressed"),
    # "does not transfer / verwerkt geen ... buiten de EER" commits; "geen ..., tenzij" does not
    ("eu-data-residency", "We do not transfer Personal Data outside the European Economic Area.", "met"),
    ("eu-data-residency", "De Verwerker verwerkt geen persoonsgegevens buiten de Europese Economische Ruimte (EER).",
     "met"),
    ("eu-data-residency", "De Verwerker geeft geen persoonsgegevens door aan een land buiten de EER, tenzij de "
                          "Verantwoordelijke daarvoor voorafgaand schriftelijk toestemming geeft.", "not_addressed"),
    ("eu-data-residency", "Alle servers, backups en sub-verwerkers bevinden zich binnen de EU.", "met"),
    # "audits uit te (laten) voeren", "medewerking aan audits"
    ("audit-rights", "De Verantwoordelijke heeft het recht om audits uit te (laten) voeren om naleving van deze "
                     "overeenkomst te controleren.", "met"),
    ("audit-rights", "De Verwerker verleent medewerking aan audits en stelt alle relevante informatie beschikbaar.",
     "met"),
    ("audit-rights", "8.1 De Verwerkingsverantwoordelijke heeft het recht om, na voorafgaand overleg en redelijke "
                     "aankondiging, DenCRM te controleren op de naleving van deze overeenkomst.", "met"),
    # deletion or return at the end with no period, the deletion named first, is a vague limit
    ("deletion-on-exit", "Delete or return all personal data upon service termination unless legal retention "
                         "required", "not_met"),
    # a right reserved to delete content is a discretion; removing accounts for misuse is not about the end
    ("deletion-on-exit", "17.2 After the thirty (30) day period, We reserve the right to delete Your Content from Our "
                         "systems, except to the extent that retention is required by applicable law.", "not_met"),
    ("deletion-on-exit", "We reserve the right to delete accounts that violate these Terms.", "not_addressed"),
    # "niet langer dan noodzakelijk" is the vague limit (its "niet" does not undo the "zolang"); not as a lead-in
    ("limited-retention", "DenCRM bewaart de persoonsgegevens niet langer dan noodzakelijk is voor het doel van de "
                          "verwerking, of zolang de klant een actief account heeft.", "not_met"),
    ("limited-retention", "Wij bewaren de persoonsgegevens van de klant niet langer dan noodzakelijk:", "not_addressed"),
    ("limited-retention", "We keep personal data no longer than necessary for the purposes described in this "
                          "policy.", "not_met"),
    # updating the list of sub-processors is no change of the terms
    ("no-unilateral-changes", "This DPA may only be modified by written agreement of both parties, except that the "
                              "Processor may update the list of Sub-processors in accordance with Section 6.", "met"),
    # a drafting note "[TODO: …]" commits to nothing and contradicts nothing
    ("transfer-safeguards", "[TODO: dit expliciet verifiëren per subverwerker — met name bij de eventuele toekomstige "
                            "Amerikaanse dienstverleners is een aparte grondslag (zoals EU-VS Data Privacy Framework) "
                            "vereist]", "not_addressed"),
    ("eu-data-residency", "[TODO: dit expliciet verifiëren per subverwerker — met name bij de eventuele toekomstige "
                          "Amerikaanse dienstverleners is een aparte grondslag (zoals EU-VS Data Privacy Framework) "
                          "vereist]", "not_addressed"),
    ("transfer-safeguards", "[TODO: confirm that the Standard Contractual Clauses cover the US hosting provider]",
     "not_addressed"),
    # no sharing "met derden voor analyse of training" is a promise for those purposes only
    ("no-third-party-sharing", "Wij delen deze velden niet met derden voor analyse of training, en wij gebruiken ze "
                               "niet voor profilering van de gebruiker.", "not_addressed"),
    # Flemish "binnen de 30 dagen" is a stated period
    ("deletion-on-exit", "Indien de klant niet verkiest om een nieuwe overeenkomst aan te gaan, worden de gegevens "
                         "binnen de 30 dagen na het einde van de overeenkomst verwijderd.", "met"),
    # use "on an aggregated and anonymised basis", and the customer's input on the service, are not its content
    ("no-training-on-customer-data", "Auditron may, on an aggregated and anonymised basis, use metadata, usage "
                                     "analytics, and aggregate insights derived from your use of the Service to "
                                     "improve, develop, and market the Service.", "not_addressed"),
    ("no-training-on-customer-data", "We appreciate your input in helping us improve our Service.", "not_addressed"),
    # servers named by a country outside the EU; storage "outside of the UK and the EU" with no safeguard
    ("eu-data-residency", "Client Data is stored on Australian-based servers and is not transferred outside Australia "
                          "in the ordinary course of providing the Service.", "not_met"),
    ("transfer-safeguards", "As such, please recognize that personally identifiable information may be transferred, "
                            "processed, and stored outside of the UK and the EU, for the purposes set out in this "
                            "policy.", "not_met"),
    # the law or courts of a country outside the EU; Swiss courts for SCC claims are not the contract's law
    ("eu-governing-law", "21.1 These Terms are governed by the laws of the State of South Australia, Australia.",
     "not_met"),
    ("eu-governing-law", "Deze voorwaarden worden beheerst door het recht van de provincie Ontario, Canada.", "not_met"),
    ("eu-governing-law", "For Data Transfers from Switzerland, Data Subjects who have their habitual residence in "
                         "Switzerland may bring claims under the SCCs before the courts of Switzerland.",
     "not_addressed"),
])
def test_assess_general_rules(requirement_id, text, status):
    language = "nl" if " de " in text or " is " in text and "recht" in text else "en"
    result = verdict(requirement_id, text, language)
    assert result.status == status
    if status != "not_addressed":
        assert result.evidence and result.evidence[0].quote in text and result.evidence[0].page == 2


def test_assess_vendor_as_controller_yields_to_a_processor_commitment():
    controller = "Acme Ltd is the data controller for the personal data described in this policy."
    processor = "For Customer Data, Acme acts as a processor and processes it only on Customer's documented instructions."
    assert verdict("processor-role", controller).status == "not_met"
    assert verdict("processor-role", f"{controller} {processor}").status == "met"
    alone = "Acme B.V. is verwerkingsverantwoordelijke voor de persoonsgegevens die in deze verklaring staan."
    assert verdict("processor-role", alone, "nl").status == "not_met"


def test_assess_a_listed_training_purpose_decides_where_the_model_puts_it_off_topic():
    clause = Clause(id="c1", number="2", heading=None, page_start=1, page_end=1,
                    text="Train machine learning models in order to continuously improve the accuracy of the service.")
    split_sentences([clause], "en")  # no classifier ran: every topic score is 0
    assert assess_requirement(LIBRARY.get("processor-role"), [clause], DEFAULT_THRESHOLDS).status == "not_met"


def test_assess_without_prior_consent_is_no_commitment_to_it():
    text = "Processor can engage Sub-processors for storage without Controller’s prior authorization."
    assert verdict("subprocessor-control", text).status != "met"


def test_assess_deletion_period_at_the_end_outweighs_a_vague_one():
    def deletion(first: str, second: str) -> str:
        clauses = [Clause(id="c1", number="4.1", heading=None, text=first, page_start=2, page_end=2),
                   Clause(id="c2", number="9.2", heading=None, text=second, page_start=5, page_end=5)]
        split_sentences(clauses, "en")
        return assess_requirement(LIBRARY.get("deletion-on-exit"), clauses).status

    vague = "Upon termination, Supplier will delete or return Personal Data at Customer's election."
    assert deletion(vague, "Customer Data is deleted within 30 days after termination of the Agreement.") == "met"
    # a period for files after processing is a retention rule: the end still has no period
    assert deletion("Uploaded photos are deleted within 30 days after processing is complete.", vague) == "not_met"


def test_assess_a_list_item_is_read_with_its_lead_in(files):
    # "After termination: 1. deletes ... within 30 days": the item speaks of the end only through its lead-in,
    # which the segmenter gives it as its parent clause
    markdown = (files / "list-under-lead-in.md").read_text(encoding="utf-8")
    clauses = segment(ingest_bytes(render_pdf(markdown), "verwerkersovereenkomst.pdf").blocks)
    split_sentences(clauses, "nl")
    result = assess_requirement(LIBRARY.get("deletion-on-exit"), clauses)
    item = next(c for c in clauses if c.text.startswith("Verwijdert"))
    assert result.status == "met" and result.evidence[0].clause_id == item.id
    # without the lead-in, a period alone says nothing about the end
    assert assess_requirement(LIBRARY.get("deletion-on-exit"), [item]).status != "met"


LICENCE_LIST = """# Terms of Service

## 5. Your Content

You retain ownership of your content. You grant Kastor a worldwide, non-exclusive license to use your content solely for:

- Improving our AI models and service quality
- Providing customer support
"""


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_assess_a_list_line_is_read_with_its_lead_in(fmt):
    # a bulleted line in the same clause: "Improving our AI models" is a use of the content only after its lead-in
    data = (render_pdf if fmt == "pdf" else render_docx)(LICENCE_LIST)
    clauses = segment(ingest_bytes(data, f"terms.{fmt}").blocks)
    split_sentences(clauses, "en")
    line = next(s for c in clauses for s in c.sentences if s.text.startswith("Improving"))
    assert line.lead_in.endswith("solely for:")
    result = assess_requirement(LIBRARY.get("no-training-on-customer-data"), clauses)
    assert result.status == "not_met" and result.evidence[0].quote == line.text
    line.lead_in = None
    assert assess_requirement(LIBRARY.get("no-training-on-customer-data"), clauses).status != "not_met"


def test_assess_customer_duty_is_not_a_vendor_commitment():
    text = "You must not share personal data of third parties with the Service."
    assert verdict("no-third-party-sharing", text).status != "met"


def test_assess_details_name_every_law():
    # A Dutch public body is in the EEA: the law these terms give it is Irish, so the requirement is met,
    # and the details still name both laws for the reviewer.
    result = verdict("eu-governing-law", "If you are in the EEA, these Terms are governed by the laws of Ireland. "
                                         "Otherwise, these Terms are governed by the laws of the State of California.")
    assert result.status == "met"
    assert result.details["governing_law"] in ("Ireland, California", "California, Ireland")


@pytest.mark.parametrize("name", ["chefdata-verwerkersovereenkomst.pdf", "chefdata-verwerkersovereenkomst.docx",
                                  "chefdata-verwerkersovereenkomst-chromium.pdf",
                                  "chefdata-verwerkersovereenkomst-libreoffice.pdf"])
def test_assess_same_verdicts_whatever_made_the_file(analyser, files, name):
    source = {v.id: v.status for v in analyser.analyse_path(files / "chefdata-verwerkersovereenkomst.md").requirements}
    rendered = {v.id: v.status for v in analyser.analyse_path(files / name).requirements}
    assert rendered == source


def test_document_model_fills_silence_but_never_overrides_a_contradiction():
    business = LIBRARY.get("business-terms")
    consumer = Clause(id="c1", number="2", heading=None, page_start=1, page_end=1,
                      text="The Service is for your personal, non-commercial use only and you must be at least 13 years old.")
    split_sentences([consumer], "en")
    assert assess_requirement(business, [consumer], document={"met": 0.99}).status == "not_met"
    # with no sentence on the topic there is nothing to quote, so the document model decides nothing
    unrelated = Clause(id="c1", number="9", heading=None, page_start=1, page_end=1,
                       text="Invoices are payable within thirty days of the invoice date.")
    split_sentences([unrelated], "en")
    assert assess_requirement(business, [unrelated], document={"met": 0.99}).status == "not_addressed"
    # a requirement whose library entry does not ask for the document model ignores it
    retention = Clause(id="c1", number="5", heading=None, page_start=1, page_end=1,
                       text="We store the files you upload on our servers.")
    split_sentences([retention], "en")
    assert assess_requirement(LIBRARY.get("eu-governing-law"), [retention], document={"not_met": 0.99}).status \
        == "not_addressed"


@pytest.mark.parametrize("document,status", [("nl/starred-bewerkersovereenkomst.md", "met"),
                                             ("nl/mozilla-firefox-privacyverklaring.md", "not_met")])
def test_document_model_reads_what_kind_of_terms_a_document_is(analyser, corpus, document, status):
    verdict = next(v for v in analyser.analyse_path(corpus / document).requirements if v.id == "business-terms")
    assert verdict.status == status
    assert verdict.evidence and all(e.quote for e in verdict.evidence)


def test_stance_model_turns_a_narrow_deletion_away_from_met(analyser, corpus):
    # Mozilla's subscription terms delete SMS records after 7 days; the rest of its data is kept "as long as
    # needed". The cue reads the 7 days as a retention limit; the stance model, trained on the labelled deciding
    # sentences, gives that sentence no chance of being the commitment, so the vague limits decide (labelled not_met).
    result = analyser.analyse_path(corpus / "nl" / "mozilla-abonnementsservices-voorwaarden.md")
    sms = next(s for c in result.clauses for s in c.sentences if "Twilio-service zodanig" in s.text)
    assert sms.stance["limited-retention"] < DEFAULT_THRESHOLDS.stance
    assert next(v for v in result.requirements if v.id == "limited-retention").status == "not_met"


COMMITMENTS = [(r.id, e) for r in LIBRARY.requirements for e in r.examples if e.status == "met"]


@pytest.mark.parametrize("requirement_id,example", COMMITMENTS, ids=[f"{r}-{e.language}" for r, e in COMMITMENTS])
def test_stance_model_agrees_with_the_library_commitments(analyser, requirement_id, example):
    """The library's own example commitments, which are in no training data, pass the second opinion."""
    clause = Clause(id="c1", number="1", heading=None, text=example.text, page_start=1, page_end=1)
    split_sentences([clause], example.language)
    analyser.classifier.score_clauses([clause])
    assert max(s.stance.get(requirement_id, 0.0) for s in clause.sentences) >= DEFAULT_THRESHOLDS.stance
