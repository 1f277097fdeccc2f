"""Writes extract/patterns/relations.jsonl from a compact notation.

The JSONL file is the source of truth a user edits; this script only saves typing when many
rules are added at once (``python tools/make_patterns.py``). Each rule is a DependencyMatcher
pattern whose nodes named ``subject``, ``object``, ``trigger`` (and ``title``) feed extraction.
"""

import json
from pathlib import Path

RULES = []


def rule(rid, rel, conf, nodes, **extra):
    pattern = []
    for name, parent, op, attrs in nodes:
        node = {"RIGHT_ID": name, "RIGHT_ATTRS": attrs}
        if parent is not None:
            node = {"LEFT_ID": parent, "REL_OP": op, **node}
        pattern.append(node)
    RULES.append({"id": rid, "relation": rel, "confidence": conf, **extra, "pattern": pattern})


def L(name):  # lemma in a lexicon list
    return {"LEMMA": {"IN": f"@{name}"}}


def LW(name):  # lower-case form in a lexicon list
    return {"LOWER": {"IN": f"@{name}"}}


def D(*deps):
    return {"DEP": {"IN": list(deps)}}


def DL(deps, name):
    return {"DEP": {"IN": list(deps)}, "LEMMA": {"IN": f"@{name}"}}


# Argument nodes are nouns, names, pronouns or demonyms; an empty constraint would make the
# DependencyMatcher test every token of every article against the rule, which is slow.
ANY = {"POS": {"IN": ["PROPN", "NOUN", "PRON", "ADJ", "NUM", "X"]}}
BE = {"LEMMA": "be"}


def with_control(rid, rel, conf, trig, rest, **extra):
    """A verb rule and its variant whose subject controls the verb ("agreed to buy")."""
    rule(rid, rel, conf, [("trigger", None, None, trig), ("subject", "trigger", ">", D("nsubj")), *rest], **extra)
    rule(rid + "-control", rel, round(conf - 0.05, 2),
         [("trigger", None, None, {**trig, "DEP": {"IN": ["xcomp", "ccomp", "advcl"]}}),
          ("ctl", "trigger", "<", {"POS": {"IN": ["VERB", "AUX"]}}),
          ("subject", "ctl", ">", D("nsubj", "nsubjpass")), *rest], **extra)


def passive(rid, rel, conf, trig):
    rule(rid, rel, conf, [("trigger", None, None, trig), ("object", "trigger", ">", D("nsubjpass")),
                          ("by", "trigger", ">", D("agent")), ("subject", "by", ">", D("pobj"))])
    rule(rid + "-acl", rel, conf, [("trigger", None, None, {**trig, "DEP": {"IN": ["acl", "relcl"]}}),
                                   ("object", "trigger", "<", ANY),
                                   ("by", "trigger", ">", D("agent")), ("subject", "by", ">", D("pobj"))])


def of_noun(rid, rel, conf, noun_list, preps=("of",), title=False):
    """X, <noun> of Y / X is <noun> of Y / Y's <noun>, X."""
    p = {"DEP": "prep", "LOWER": {"IN": list(preps)}}
    extra = {"title_node": "trigger"} if title else {}
    rule(rid + "-appos", rel, conf, [("subject", None, None, ANY), ("trigger", "subject", ">", DL(["appos"], noun_list)),
                                     ("prep", "trigger", ">", p), ("object", "prep", ">", D("pobj"))], **extra)
    rule(rid + "-attr", rel, conf, [("be", None, None, BE), ("subject", "be", ">", D("nsubj")),
                                    ("trigger", "be", ">", DL(["attr"], noun_list)),
                                    ("prep", "trigger", ">", p), ("object", "prep", ">", D("pobj"))], **extra)
    rule(rid + "-fronted", rel, round(conf - 0.05, 2), [("trigger", None, None, L(noun_list)), ("subject", "trigger", ">", D("appos")),
                                                         ("prep", "trigger", ">", p), ("object", "prep", ">", D("pobj"))], **extra)


# founded
rule("founder-compound", "founded", 0.9, [("subject", None, None, ANY), ("trigger", "subject", ">", DL(["compound", "appos", "nmod"], "founder_nouns")),
                                         ("object", "trigger", ">", D("compound", "poss", "nmod", "amod"))])
rule("founder-sibling", "founded", 0.85, [("subject", None, None, ANY), ("trigger", "subject", ">", DL(["compound", "nmod"], "founder_nouns")),
                                         ("object", "subject", ">", D("compound", "poss", "nmod"))])
rule("founder-poss-appos", "founded", 0.85, [("trigger", None, None, L("founder_nouns")), ("object", "trigger", ">", D("poss")),
                                            ("subject", "trigger", ">", D("appos"))])
of_noun("founder-of", "founded", 0.9, "founder_nouns")
with_control("found-verb", "founded", 0.85, {"LEMMA": {"IN": ["found", "co-found", "cofound", "establish"]}, "POS": "VERB"},
             [("object", "trigger", ">", D("dobj"))])
with_control("set-up", "founded", 0.75, {"LEMMA": "set", "POS": "VERB"},
             [("up", "trigger", ">", {"DEP": "prt", "LOWER": "up"}), ("object", "trigger", ">", D("dobj"))], object_types=["Organization"])
passive("founded-by", "founded", 0.85, {"LEMMA": {"IN": ["found", "co-found", "establish"]}})

# owns
of_noun("owner-of", "owns", 0.9, "owner_nouns")
of_noun("unit-of", "owns", 0.85, "unit_nouns")
for r in RULES:  # "X, a unit of Y": the unit is the subject's object, so swap the roles
    if r["id"].startswith("unit-of"):
        for node in r["pattern"]:
            node["RIGHT_ID"] = {"subject": "object", "object": "subject"}.get(node["RIGHT_ID"], node["RIGHT_ID"])
            if "LEFT_ID" in node:
                node["LEFT_ID"] = {"subject": "object", "object": "subject"}.get(node["LEFT_ID"], node["LEFT_ID"])
with_control("own-verb", "owns", 0.85, {"LEMMA": {"IN": "@owning_verbs"}, "POS": "VERB"}, [("object", "trigger", ">", D("dobj"))])
passive("owned-by", "owns", 0.85, {"LEMMA": {"IN": "@owning_verbs"}})
rule("unit-poss", "owns", 0.85, [("trigger", None, None, L("unit_nouns")), ("subject", "trigger", ">", D("poss")),
                                ("object", "trigger", ">", D("compound", "appos", "nmod"))])
rule("unit-compound", "owns", 0.8, [("object", None, None, ANY), ("trigger", "object", ">", DL(["compound", "nmod"], "unit_nouns")),
                                   ("subject", "trigger", ">", D("compound", "poss", "nmod"))])
rule("unit-compound-of", "owns", 0.8, [("trigger", None, None, L("unit_nouns")), ("object", "trigger", ">", D("compound", "nmod")),
                                      ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "of"}), ("subject", "prep", ">", D("pobj"))])
rule("state-owned", "owns", 0.8, [("noun", None, None, L("company_nouns")), ("state", "noun", ">", {"DEP": {"IN": ["compound", "amod", "nmod"]}, "LOWER": {"IN": ["state", "state-owned", "state-run", "state-controlled", "government-owned"]}}),
                                  ("subject", "noun", ">", {"DEP": {"IN": ["amod", "compound", "nmod"]}, "ENT_TYPE": {"IN": ["NORP", "GPE"]}}), ("object", "noun", "<", {"ENT_TYPE": "ORG"})],
     subject_types=["Country"])
rule("owner-poss-appos", "owns", 0.8, [("trigger", None, None, L("owner_nouns")), ("object", "trigger", ">", D("poss")),
                                       ("subject", "trigger", ">", D("appos"))])
with_control("sell-verb", "owns", 0.7, {"LEMMA": {"IN": ["sell", "divest", "spin"]}, "POS": "VERB"},
             [("object", "trigger", ">", {"DEP": "dobj", "ENT_TYPE": "ORG"})])
rule("sold-to", "acquires", 0.75, [("trigger", None, None, {"LEMMA": {"IN": ["sell"]}, "POS": "VERB"}), ("object", "trigger", ">", {"DEP": "dobj", "ENT_TYPE": "ORG"}),
                                  ("prep", "trigger", ">", {"DEP": {"IN": ["prep", "dative"]}, "LOWER": "to"}), ("subject", "prep", ">", D("pobj"))])
rule("unit-poss-appos", "owns", 0.8, [("trigger", None, None, L("unit_nouns")), ("subject", "trigger", ">", D("poss")),
                                     ("object", "trigger", ">", D("appos"))])

# worksFor
TITLE = {"title_node": "trigger"}
of_noun("title-of", "worksFor", 0.85, "titles", preps=("of", "at", "for", "from", "with", "in"), title=True)
rule("title-appos-mod", "worksFor", 0.85, [("subject", None, None, ANY), ("trigger", "subject", ">", DL(["appos"], "titles")),
                                          ("object", "trigger", ">", D("compound", "amod", "poss", "nmod"))], **TITLE)
rule("title-compound", "worksFor", 0.85, [("subject", None, None, {"ENT_TYPE": "PERSON"}), ("trigger", "subject", ">", DL(["compound", "nmod", "amod"], "titles")),
                                         ("object", "trigger", ">", D("compound", "amod", "poss", "nmod"))], **TITLE)
rule("title-compound-sibling", "worksFor", 0.8, [("subject", None, None, {"ENT_TYPE": "PERSON"}), ("trigger", "subject", ">", DL(["compound", "nmod", "amod"], "titles")),
                                                ("object", "subject", ">", D("compound", "amod", "poss", "nmod"))], **TITLE)
rule("title-poss-appos", "worksFor", 0.8, [("trigger", None, None, L("titles")), ("object", "trigger", ">", D("poss", "compound")),
                                          ("subject", "trigger", ">", D("appos"))], **TITLE)
BOARD_VERBS = {"LEMMA": {"IN": ["resign", "quit", "retire", "step", "leave", "join", "appoint", "name", "elect", "sit", "serve"]}, "POS": "VERB"}
rule("board-of-poss", "worksFor", 0.75, [("trigger", None, None, BOARD_VERBS), ("subject", "trigger", ">", D("nsubj", "nsubjpass")),
                                        ("prep", "trigger", ">", {"DEP": "prep", "LOWER": {"IN": ["from", "to", "on"]}}),
                                        ("board", "prep", ">", {"DEP": "pobj", "LEMMA": {"IN": ["board", "management", "staff", "team"]}}), ("object", "board", ">", D("poss"))])
rule("board-of-of", "worksFor", 0.75, [("trigger", None, None, BOARD_VERBS), ("subject", "trigger", ">", D("nsubj", "nsubjpass")),
                                      ("board", "trigger", ">>", {"DEP": {"IN": ["pobj", "dobj"]}, "LEMMA": {"IN": ["board", "management", "staff", "team"]}}),
                                      ("of", "board", ">", {"DEP": "prep", "LOWER": "of"}), ("object", "of", ">", D("pobj"))])
rule("person-from-org", "worksFor", 0.65, [("subject", None, None, {"ENT_TYPE": "PERSON"}), ("prep", "subject", ">", {"DEP": "prep", "LOWER": {"IN": ["from", "at", "with"]}}),
                                          ("object", "prep", ">", {"DEP": "pobj", "ENT_TYPE": "ORG"}), ("comma", "prep", ";", {"ORTH": ","})], object_types=["Organization"])
rule("country-s-firm", "basedIn", 0.7, [("subject", None, None, {"ENT_TYPE": "ORG"}), ("noun", "subject", ">", DL(["appos"], "company_nouns")),
                                       ("object", "noun", ">", {"DEP": "poss", "LEMMA": {"IN": ["country", "nation"]}})], object_types=["Country"])
with_control("work-for", "worksFor", 0.8, {"LEMMA": {"IN": "@working_verbs"}, "POS": "VERB"},
             [("prep", "trigger", ">", {"DEP": "prep", "LOWER": {"IN": ["for", "at", "with"]}}), ("object", "prep", ">", D("pobj"))])
with_control("lead-verb", "worksFor", 0.7, {"LEMMA": {"IN": "@leading_verbs"}, "POS": "VERB"}, [("object", "trigger", ">", D("dobj"))],
             object_types=["Organization"])

# met
with_control("meet-verb", "met", 0.85, {"LEMMA": "meet", "POS": "VERB"}, [("object", "trigger", ">", D("dobj"))])
with_control("meet-with", "met", 0.85, {"LEMMA": {"IN": "@meeting_verbs"}, "POS": "VERB"},
             [("prep", "trigger", ">", {"DEP": "prep", "LOWER": "with"}), ("object", "prep", ">", D("pobj"))])
rule("meet-coord", "met", 0.8, [("trigger", None, None, {"LEMMA": {"IN": "@meeting_verbs"}, "POS": "VERB"}),
                               ("subject", "trigger", ">", D("nsubj")), ("object", "subject", ">", D("conj"))])
rule("meeting-held-with", "met", 0.8, [("hv", None, None, L("holding_verbs")), ("subject", "hv", ">", D("nsubj")),
                                      ("trigger", "hv", ">", DL(["dobj"], "meeting_nouns")),
                                      ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "with"}), ("object", "prep", ">", D("pobj"))])
rule("meeting-held-coord", "met", 0.8, [("hv", None, None, L("holding_verbs")), ("subject", "hv", ">", D("nsubj")),
                                       ("trigger", "hv", ">", DL(["dobj"], "meeting_nouns")), ("object", "subject", ">", D("conj"))])
rule("meeting-poss-with", "met", 0.85, [("trigger", None, None, L("meeting_nouns")), ("subject", "trigger", ">", D("poss")),
                                       ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "with"}), ("object", "prep", ">", D("pobj"))])
rule("talks-in", "met", 0.75, [("prep", None, None, {"DEP": "prep", "LOWER": "in"}), ("trigger", "prep", ">", DL(["pobj"], "meeting_nouns")),
                              ("subject", "prep", "<", {"ENT_TYPE": {"IN": ["GPE", "ORG", "PERSON", "NORP"]}}), ("object", "subject", ">", D("conj"))])
rule("in-talks-with", "met", 0.8, [("prep", None, None, {"DEP": "prep", "LOWER": "in"}), ("trigger", "prep", ">", DL(["pobj"], "meeting_nouns")),
                                  ("subject", "prep", "<", {"ENT_TYPE": {"IN": ["GPE", "ORG", "PERSON", "NORP"]}}),
                                  ("with", "trigger", ">", {"DEP": "prep", "LOWER": "with"}), ("object", "with", ">", D("pobj"))])
rule("due-to-hold-talks", "met", 0.8, [("root", None, None, {"DEP": "ROOT"}), ("subject", "root", ">", D("nsubj", "nsubjpass")),
                                       ("hv", "root", ">>", {"DEP": "xcomp", "LEMMA": {"IN": "@holding_verbs"}}), ("trigger", "hv", ">", DL(["dobj"], "meeting_nouns")),
                                       ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "with"}), ("object", "prep", ">", D("pobj"))])
rule("due-to-meet", "met", 0.8, [("root", None, None, {"DEP": "ROOT"}), ("subject", "root", ">", D("nsubj", "nsubjpass")),
                                 ("trigger", "root", ">>", {"DEP": "xcomp", "LEMMA": "meet"}), ("object", "trigger", ">", D("dobj"))])
rule("bosses-of-meet", "met", 0.75, [("trigger", None, None, {"LEMMA": {"IN": "@meeting_verbs"}}), ("head", "trigger", "<", {"POS": {"IN": ["AUX", "VERB"]}}),
                                    ("boss", "head", ">", {"DEP": "nsubj", "LEMMA": {"IN": ["boss", "head", "chief", "leader", "executive", "official", "representative", "negotiator", "minister"]}}),
                                    ("of", "boss", ">", {"DEP": "prep", "LOWER": "of"}), ("subject", "of", ">", D("pobj")), ("object", "subject", ">", D("conj"))])
rule("at-meeting-with", "met", 0.75, [("trigger", None, None, L("meeting_nouns")), ("with", "trigger", ">", {"DEP": "prep", "LOWER": "with"}),
                                     ("object", "with", ">", D("pobj")), ("at", "trigger", "<", {"LOWER": {"IN": ["at", "during", "after"]}}),
                                     ("verb", "at", "<", {"POS": "VERB"}), ("subject", "verb", ">", D("nsubj"))])
rule("at-meeting-with-participle", "met", 0.75, [("trigger", None, None, L("meeting_nouns")), ("with", "trigger", ">", {"DEP": "prep", "LOWER": "with"}),
                                                ("object", "with", ">", D("pobj")), ("at", "trigger", "<", {"LOWER": {"IN": ["at", "during", "after"]}}),
                                                ("verb", "at", "<", {"POS": "VERB", "DEP": {"IN": ["acl", "advcl", "relcl"]}}), ("subject", "verb", "<", {"POS": {"IN": ["PROPN", "NOUN", "PRON"]}})])
rule("at-meeting-with-advcl", "met", 0.75, [("trigger", None, None, L("meeting_nouns")), ("with", "trigger", ">", {"DEP": "prep", "LOWER": "with"}),
                                           ("object", "with", ">", D("pobj")), ("at", "trigger", "<", {"LOWER": {"IN": ["at", "during", "after"]}}),
                                           ("verb", "at", "<", {"POS": "VERB", "DEP": "advcl"}), ("main", "verb", "<", {"POS": {"IN": ["VERB", "AUX"]}}),
                                           ("subject", "main", ">", D("nsubj"))])
rule("meeting-between", "met", 0.8, [("trigger", None, None, L("meeting_nouns")),
                                    ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "between"}), ("subject", "prep", ">", D("pobj")),
                                    ("object", "subject", ">", D("conj"))], all_pairs=True)

# offered
with_control("offer-dative", "offered", 0.85, {"LEMMA": {"IN": "@offering_verbs"}, "POS": "VERB"}, [("object", "trigger", ">", D("dative", "iobj"))])
with_control("offer-to", "offered", 0.8, {"LEMMA": {"IN": "@offering_verbs"}, "POS": "VERB"},
             [("prep", "trigger", ">", {"DEP": {"IN": ["prep", "dative"]}, "LOWER": "to"}), ("object", "prep", ">", D("pobj"))])
rule("offer-to-do-for", "offered", 0.75, [("trigger", None, None, {"LEMMA": {"IN": "@offering_verbs"}, "POS": "VERB"}), ("subject", "trigger", ">", D("nsubj")),
                                         ("do", "trigger", ">", {"DEP": "xcomp", "POS": "VERB"}), ("prep", "do", ">", {"DEP": {"IN": ["prep", "dative"]}, "LOWER": {"IN": ["to", "for"]}}),
                                         ("object", "prep", ">", D("pobj"))])
rule("offer-demonym-recipient", "offered", 0.7, [("trigger", None, None, {"LEMMA": {"IN": "@offering_verbs"}, "POS": "VERB"}), ("subject", "trigger", ">", D("nsubj")),
                                                ("who", "trigger", ">", {"DEP": {"IN": ["dative", "iobj"]}}), ("object", "who", ">", {"DEP": {"IN": ["amod", "compound"]}, "ENT_TYPE": {"IN": ["NORP", "GPE"]}})],
     object_types=["Country"])
rule("owns-brands-behind", "owns", 0.75, [("subject", None, None, {"POS": {"IN": ["NOUN", "PROPN"]}}), ("behind", "subject", ">", {"DEP": "prep", "LOWER": "behind"}),
                                         ("brand", "behind", ">", {"DEP": "pobj", "LEMMA": {"IN": "@unit_nouns"}}), ("object", "brand", ">", D("compound", "nmod", "amod"))])
with_control("lend-to", "offered", 0.75, {"LEMMA": {"IN": ["lend", "loan", "grant", "give", "extend"]}, "POS": "VERB"},
             [("object", "trigger", ">", {"DEP": {"IN": ["dobj", "dative", "iobj"]}, "ENT_TYPE": {"IN": ["ORG", "GPE", "PERSON", "NORP"]}})])
rule("received-from", "offered", 0.7, [("trigger", None, None, {"LEMMA": {"IN": ["receive", "get", "obtain", "secure", "win", "accept"]}, "POS": "VERB"}),
                                      ("object", "trigger", ">", D("nsubj", "nsubjpass")),
                                      ("what", "trigger", ">>", {"LEMMA": {"IN": ["credit", "loan", "aid", "assistance", "funding", "help", "support", "grant", "financing", "bailout"]}}),
                                      ("from", "trigger", ">>", {"DEP": "prep", "LOWER": "from"}), ("subject", "from", ">", D("pobj"))])
rule("offer-nmod", "offered", 0.6, [("trigger", None, None, {"LEMMA": {"IN": "@offering_verbs"}, "POS": "VERB"}), ("subject", "trigger", ">", D("nsubj")),
                                   ("thing", "trigger", ">", D("dobj")), ("object", "thing", ">", {"DEP": "nmod", "ENT_TYPE": {"IN": ["PERSON", "ORG", "GPE"]}})])
rule("offer-help", "offered", 0.7, [("trigger", None, None, {"LEMMA": {"IN": "@offering_verbs"}, "POS": "VERB"}), ("subject", "trigger", ">", D("nsubj")),
                                   ("help", "trigger", ">>", DL(["advcl", "xcomp", "acl", "relcl"], "helping_verbs")),
                                   ("who", "help", ">>", D("dobj", "nsubj", "dative")), ("object", "who", ">", {"DEP": {"IN": ["compound", "amod", "poss"]}, "ENT_TYPE": {"IN": ["GPE", "NORP"]}})],
     object_types=["Country"])

# basedIn
rule("based-amod", "basedIn", 0.85, [("subject", None, None, {"ENT_TYPE": "ORG"}), ("trigger", "subject", ">", {"LEMMA": "base", "DEP": "amod"}),
                                    ("object", "trigger", ">", D("npadvmod", "compound", "nmod"))])
rule("based-noun", "basedIn", 0.85, [("noun", None, None, ANY), ("trigger", "noun", ">", {"LEMMA": "base", "DEP": "amod"}),
                                    ("object", "trigger", ">", D("npadvmod", "compound", "nmod")), ("subject", "noun", "<", D("compound", "appos", "nsubj"))])
rule("based-noun-appos", "basedIn", 0.85, [("noun", None, None, ANY), ("trigger", "noun", ">", {"LEMMA": "base", "DEP": "amod"}),
                                          ("object", "trigger", ">", D("npadvmod", "compound", "nmod")), ("subject", "noun", ">", D("appos", "compound"))])
rule("based-in", "basedIn", 0.85, [("trigger", None, None, {"LEMMA": {"IN": "@basing_verbs"}}), ("subject", "trigger", ">", D("nsubjpass")),
                                  ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "in"}), ("object", "prep", ">", D("pobj"))])
rule("based-in-acl", "basedIn", 0.85, [("trigger", None, None, {"LEMMA": {"IN": "@basing_verbs"}, "DEP": "acl"}), ("subject", "trigger", "<", ANY),
                                      ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "in"}), ("object", "prep", ">", D("pobj"))])
DEMONYM = {"DEP": {"IN": ["amod", "compound", "nmod"]}, "ENT_TYPE": {"IN": ["NORP", "GPE"]}}
rule("demonym-noun-name", "basedIn", 0.8, [("subject", None, None, {"ENT_TYPE": "ORG"}),
                                          ("noun", "subject", ">", DL(["compound", "appos", "nmod"], "company_nouns")), ("object", "noun", ">", DEMONYM)],
     object_types=["Country", "Place"])
rule("demonym-noun-name-head", "basedIn", 0.8, [("noun", None, None, L("company_nouns")), ("subject", "noun", "<", {"DEP": {"IN": ["compound", "nmod"]}, "ENT_TYPE": "ORG"}),
                                               ("object", "noun", ">", DEMONYM)], object_types=["Country", "Place"])
rule("demonym-noun-appos", "basedIn", 0.8, [("noun", None, None, L("company_nouns")), ("subject", "noun", ">", {"DEP": {"IN": ["appos"]}, "ENT_TYPE": "ORG"}),
                                           ("object", "noun", ">", DEMONYM)], object_types=["Country", "Place"])
rule("demonym-noun-including", "basedIn", 0.75, [("noun", None, None, L("company_nouns")), ("object", "noun", ">", DEMONYM),
                                                ("prep", "noun", ">", {"DEP": "prep", "LOWER": {"IN": ["including", "like", "such"]}}),
                                                ("subject", "prep", ">>", {"DEP": "pobj", "ENT_TYPE": "ORG"})], object_types=["Country", "Place"])
rule("demonym-role-noun", "basedIn", 0.6, [("subject", None, None, {"LEMMA": {"IN": "@company_nouns"}, "ENT_TYPE": ""}),
                                          ("object", "subject", ">", DEMONYM)], object_types=["Country"])
rule("demonym-direct", "basedIn", 0.75, [("subject", None, None, {"ENT_TYPE": "ORG"}), ("object", "subject", ">", {"DEP": {"IN": ["amod", "compound", "poss"]}, "ENT_TYPE": {"IN": ["NORP", "GPE"]}})],
     object_types=["Country"])

# locatedIn
rule("place-in", "locatedIn", 0.75, [("subject", None, None, {"ENT_TYPE": {"IN": ["GPE", "LOC", "FAC"]}}),
                                    ("prep", "subject", ">", {"DEP": "prep", "LOWER": {"IN": ["in", "near"]}}), ("object", "prep", ">", {"DEP": "pobj", "ENT_TYPE": {"IN": ["GPE", "LOC"]}})])
rule("place-comma", "locatedIn", 0.75, [("subject", None, None, {"ENT_TYPE": {"IN": ["GPE", "LOC", "FAC"]}}),
                                       ("object", "subject", ">", {"DEP": {"IN": ["appos", "npadvmod", "conj"]}, "ENT_TYPE": "GPE"}), ("comma", "object", ";", {"ORTH": ","})],
     object_types=["Country"])

rule("place-in-part-of", "locatedIn", 0.7, [("subject", None, None, {"ENT_TYPE": {"IN": ["GPE", "LOC", "FAC"]}}),
                                           ("prep", "subject", ">", {"DEP": "prep", "LOWER": {"IN": ["in", "near"]}}),
                                           ("part", "prep", ">", {"DEP": "pobj", "LEMMA": {"IN": ["east", "west", "north", "south", "centre", "center", "heart", "part", "region", "outskirts", "suburb", "coast", "province", "state"]}}),
                                           ("of", "part", ">", {"DEP": "prep", "LOWER": "of"}), ("object", "of", ">", {"DEP": "pobj", "ENT_TYPE": {"IN": ["GPE", "LOC"]}})])

# visited
with_control("visit-verb", "visited", 0.85, {"LEMMA": {"IN": "@visiting_verbs"}, "POS": "VERB"}, [("object", "trigger", ">", D("dobj"))])
with_control("travel-to", "visited", 0.75, {"LEMMA": {"IN": "@travel_verbs"}, "POS": "VERB"},
             [("prep", "trigger", ">", {"DEP": "prep", "LOWER": "to"}), ("object", "prep", ">", D("pobj"))])
rule("visit-participle", "visited", 0.8, [("subject", None, None, ANY), ("trigger", "subject", ">", {"DEP": {"IN": ["acl", "relcl"]}, "LEMMA": {"IN": "@visiting_verbs"}}),
                                         ("object", "trigger", ">", D("dobj"))])
rule("visit-noun-verb", "visited", 0.8, [("v", None, None, {"POS": "VERB", "LEMMA": {"IN": ["begin", "start", "make", "pay", "end", "complete"]}}),
                                        ("subject", "v", ">", D("nsubj")), ("trigger", "v", ">", {"DEP": "dobj", "LEMMA": {"IN": ["visit", "trip", "tour"]}}),
                                        ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "to"}), ("object", "prep", ">", D("pobj"))])
rule("visit-noun", "visited", 0.8, [("trigger", None, None, {"LEMMA": {"IN": ["visit", "trip", "tour"]}, "POS": "NOUN"}), ("subject", "trigger", ">", D("poss", "compound")),
                                   ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "to"}), ("object", "prep", ">", D("pobj"))])

# partnerOf
with_control("deal-with", "partnerOf", 0.8, {"LEMMA": {"IN": "@deal_verbs"}, "POS": "VERB"},
             [("deal", "trigger", ">", DL(["dobj"], "deal_nouns")), ("prep", "deal", ">", {"DEP": "prep", "LOWER": "with"}), ("object", "prep", ">", D("pobj"))])
with_control("deal-verb-with", "partnerOf", 0.8, {"LEMMA": {"IN": "@deal_verbs"}, "POS": "VERB"},
             [("deal", "trigger", ">", DL(["dobj"], "deal_nouns")), ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "with"}), ("object", "prep", ">", D("pobj"))])
SUPPLY = {"DEP": {"IN": ["compound", "amod", "nmod"]}, "LEMMA": {"IN": ["supply", "export", "import", "sale", "sales", "delivery", "purchase", "trade", "trading"]}}
with_control("supply-deal-with", "tradesWith", 0.75, {"LEMMA": {"IN": "@deal_verbs"}, "POS": "VERB"},
             [("deal", "trigger", ">", DL(["dobj"], "deal_nouns")), ("kind", "deal", ">", SUPPLY),
              ("prep", "deal", ">", {"DEP": "prep", "LOWER": "with"}), ("object", "prep", ">", D("pobj"))])
with_control("supply-deal-verb-with", "tradesWith", 0.75, {"LEMMA": {"IN": "@deal_verbs"}, "POS": "VERB"},
             [("deal", "trigger", ">", DL(["dobj"], "deal_nouns")), ("kind", "deal", ">", SUPPLY),
              ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "with"}), ("object", "prep", ">", D("pobj"))])
rule("deal-verb-between", "partnerOf", 0.75, [("trigger", None, None, {"LEMMA": {"IN": "@deal_verbs"}, "POS": "VERB"}),
                                             ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "between"}), ("subject", "prep", ">", D("pobj")),
                                             ("object", "subject", ">", D("conj"))])
rule("deal-coord", "partnerOf", 0.8, [("trigger", None, None, {"LEMMA": {"IN": "@deal_verbs"}}), ("subject", "trigger", ">", D("nsubj")),
                                     ("object", "subject", ">", D("conj")), ("deal", "trigger", ">", DL(["dobj"], "deal_nouns"))])
with_control("partner-verb", "partnerOf", 0.8, {"LEMMA": {"IN": "@partnering_verbs"}, "POS": "VERB"},
             [("prep", "trigger", ">", {"DEP": "prep", "LOWER": "with"}), ("object", "prep", ">", D("pobj"))])
rule("deal-between", "partnerOf", 0.8, [("trigger", None, None, L("deal_nouns")), ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "between"}),
                                       ("subject", "prep", ">", D("pobj")), ("object", "subject", ">", D("conj"))])
rule("deal-poss-with", "partnerOf", 0.8, [("trigger", None, None, L("deal_nouns")), ("subject", "trigger", ">", D("poss")),
                                         ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "with"}), ("object", "prep", ">", D("pobj"))])

# tradesWith
with_control("export-to", "tradesWith", 0.75, {"LEMMA": {"IN": "@export_verbs"}, "POS": "VERB"},
             [("prep", "trigger", ">", {"DEP": {"IN": ["prep", "dative"]}, "LOWER": "to"}), ("object", "prep", ">", D("pobj"))])
with_control("export-thing-to", "tradesWith", 0.7, {"LEMMA": {"IN": "@export_verbs"}, "POS": "VERB"},
             [("thing", "trigger", ">", {"DEP": "dobj", "ENT_TYPE": {"NOT_IN": ["ORG"]}}), ("prep", "thing", ">>", {"DEP": {"IN": ["prep", "dative"]}, "LOWER": "to"}), ("object", "prep", ">", D("pobj"))],
             subject_types=["Country", "Organization"])
with_control("import-from", "tradesWith", 0.75, {"LEMMA": {"IN": "@import_verbs"}, "POS": "VERB"},
             [("prep", "trigger", ">", {"DEP": "prep", "LOWER": "from"}), ("object", "prep", ">", D("pobj"))], subject_types=["Country"])
rule("flow-from-to", "tradesWith", 0.75, [("trigger", None, None, {"LEMMA": {"IN": ["delivery", "supply", "export", "exports", "shipment", "import", "imports", "sale", "flow", "transfer"]}, "POS": "NOUN"}),
                                         ("from", "trigger", ">>", {"DEP": "prep", "LOWER": "from"}), ("subject", "from", ">", D("pobj")),
                                         ("to", "trigger", ">>", {"DEP": "prep", "LOWER": "to"}), ("object", "to", ">", D("pobj"))])
rule("trade-with", "tradesWith", 0.8, [("trigger", None, None, L("trade_nouns")), ("subject", "trigger", ">", D("poss", "compound", "amod")),
                                      ("prep", "trigger", ">", {"DEP": "prep", "LOWER": {"IN": ["with", "to"]}}), ("object", "prep", ">", D("pobj"))])
rule("trade-between", "tradesWith", 0.8, [("trigger", None, None, L("trade_nouns")), ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "between"}),
                                         ("subject", "prep", ">", D("pobj")), ("object", "subject", ">", D("conj"))])
rule("trade-compound-pair", "tradesWith", 0.7, [("trigger", None, None, {"LEMMA": "trade"}), ("subject", "trigger", ">", {"DEP": {"IN": ["compound", "amod"]}, "ENT_TYPE": {"IN": ["GPE", "NORP"]}}),
                                               ("object", "subject", ">", {"DEP": {"IN": ["compound", "amod", "conj"]}, "ENT_TYPE": {"IN": ["GPE", "NORP"]}})])

# sanctioned
with_control("sanction-verb", "sanctioned", 0.8, {"LEMMA": {"IN": "@sanction_verbs"}, "POS": "VERB"}, [("object", "trigger", ">", D("dobj"))])
passive("sanctioned-by", "sanctioned", 0.8, {"LEMMA": {"IN": "@sanction_verbs"}})
with_control("impose-on", "sanctioned", 0.8, {"LEMMA": {"IN": "@imposing_verbs"}, "POS": "VERB"},
             [("what", "trigger", ">", DL(["dobj"], "sanction_nouns")), ("prep", "what", ">", {"DEP": "prep", "LOWER": {"IN": ["on", "against"]}}), ("object", "prep", ">", D("pobj"))])
with_control("impose-verb-on", "sanctioned", 0.8, {"LEMMA": {"IN": "@imposing_verbs"}, "POS": "VERB"},
             [("what", "trigger", ">", DL(["dobj"], "sanction_nouns")), ("prep", "trigger", ">", {"DEP": "prep", "LOWER": {"IN": ["on", "against"]}}), ("object", "prep", ">", D("pobj"))])
rule("sanctions-on", "sanctioned", 0.75, [("trigger", None, None, L("sanction_nouns")), ("subject", "trigger", ">", D("poss", "compound", "amod")),
                                         ("prep", "trigger", ">", {"DEP": "prep", "LOWER": {"IN": ["on", "against"]}}), ("object", "prep", ">", D("pobj"))])

# sued
with_control("sue-verb", "sued", 0.85, {"LEMMA": {"IN": "@suing_verbs"}, "POS": "VERB"}, [("object", "trigger", ">", D("dobj"))])
passive("sued-by", "sued", 0.85, {"LEMMA": {"IN": "@suing_verbs"}})
with_control("lawsuit-against", "sued", 0.8, {"LEMMA": {"IN": "@filing_verbs"}, "POS": "VERB"},
             [("what", "trigger", ">", DL(["dobj"], "lawsuit_nouns")), ("prep", "what", ">", {"DEP": "prep", "LOWER": "against"}), ("object", "prep", ">", D("pobj"))])
with_control("lawsuit-verb-against", "sued", 0.8, {"LEMMA": {"IN": "@filing_verbs"}, "POS": "VERB"},
             [("what", "trigger", ">", DL(["dobj"], "lawsuit_nouns")), ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "against"}), ("object", "prep", ">", D("pobj"))])

# acquires
with_control("buy-verb", "acquires", 0.85, {"LEMMA": {"IN": "@buying_verbs"}, "POS": "VERB"}, [("object", "trigger", ">", D("dobj"))], object_types=["Organization"])
rule("take-over", "acquires", 0.85, [("trigger", None, None, {"LEMMA": "take"}), ("over", "trigger", ">", {"DEP": "prt", "LOWER": "over"}),
                                    ("subject", "trigger", ">", D("nsubj")), ("object", "trigger", ">", D("dobj"))])
passive("bought-by", "acquires", 0.85, {"LEMMA": {"IN": "@buying_verbs"}})
rule("takeover-of", "acquires", 0.8, [("trigger", None, None, L("buying_nouns")), ("subject", "trigger", ">", D("poss", "compound")),
                                     ("prep", "trigger", ">", {"DEP": "prep", "LOWER": {"IN": ["of", "for"]}}), ("object", "prep", ">", D("pobj"))],
     object_types=["Organization"])
rule("takeover-of-by", "acquires", 0.8, [("trigger", None, None, L("buying_nouns")), ("prep", "trigger", ">", {"DEP": "prep", "LOWER": {"IN": ["of", "for"]}}),
                                        ("object", "prep", ">", D("pobj")), ("by", "trigger", ">", {"DEP": "prep", "LOWER": "by"}), ("subject", "by", ">", D("pobj"))],
     object_types=["Organization"])
rule("bidding-for", "acquires", 0.7, [("root", None, None, {"DEP": "ROOT"}), ("subject", "root", ">", D("nsubj", "nsubjpass")),
                                     ("trigger", "root", ">>", {"LEMMA": {"IN": ["bid", "buy", "acquire", "purchase"]}, "DEP": {"IN": ["pcomp", "xcomp", "advcl"]}}),
                                     ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "for"}), ("object", "prep", ">", D("pobj"))], object_types=["Organization"])
rule("bid-for", "acquires", 0.75, [("v", None, None, {"POS": "VERB"}), ("subject", "v", ">", D("nsubj")),
                                  ("trigger", "v", ">", DL(["dobj"], "buying_nouns")), ("prep", "trigger", ">", {"DEP": "prep", "LOWER": {"IN": ["for", "of"]}}),
                                  ("object", "prep", ">", D("pobj"))], object_types=["Organization"])

# investsIn
with_control("invest-in", "investsIn", 0.85, {"LEMMA": {"IN": "@investing_verbs"}, "POS": "VERB"},
             [("prep", "trigger", ">", {"DEP": "prep", "LOWER": "in"}), ("object", "prep", ">", D("pobj"))])
rule("stake-in", "investsIn", 0.8, [("v", None, None, {"POS": "VERB"}), ("subject", "v", ">", D("nsubj")),
                                   ("trigger", "v", ">", DL(["dobj"], "stake_nouns")), ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "in"}),
                                   ("object", "prep", ">", D("pobj"))])
rule("stake-poss-in", "investsIn", 0.8, [("trigger", None, None, L("stake_nouns")), ("subject", "trigger", ">", D("poss", "compound")),
                                        ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "in"}), ("object", "prep", ">", D("pobj"))])
rule("investment-in", "investsIn", 0.75, [("trigger", None, None, {"LEMMA": "investment"}), ("subject", "trigger", ">", {"DEP": {"IN": ["poss", "compound", "amod"]}}),
                                         ("prep", "trigger", ">", {"DEP": "prep", "LOWER": "in"}), ("object", "prep", ">", D("pobj"))])

# memberOf
of_noun("member-of", "memberOf", 0.85, "member_nouns")
with_control("join-verb", "memberOf", 0.75, {"LEMMA": {"IN": "@joining_verbs"}, "POS": "VERB"}, [("object", "trigger", ">", D("dobj"))],
             subject_types=["Country", "Organization"], object_types=["InternationalOrganization"])

out = Path(__file__).resolve().parents[1] / "extract" / "patterns" / "relations.jsonl"
ids = [r["id"] for r in RULES]
assert len(ids) == len(set(ids)), "duplicate rule ids"
with out.open("w") as f:
    f.write("// DependencyMatcher rules: nodes named subject/object are the relation's arguments;\n")
    f.write("// \"@name\" stands for a word list of lexicon.json. One rule a line.\n")
    for r in RULES:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"wrote {len(RULES)} rules to {out}")
