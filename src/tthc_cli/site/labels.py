"""The words of the site's pages, as messages of the gettext catalogs (Vietnamese by default)."""

from __future__ import annotations

from tthc_cli.runtime.i18n import N_

LABELS = {
    "site": N_("Administrative procedures"),
    "nav": N_("Site"),
    "home": N_("Home"),
    "figures": N_("Figures"),
    "what_changed": N_("What changed"),
    "units": N_("Communes"),
    "offline": N_("This site works offline and sends nothing anywhere."),
    "search_title": N_("Find a procedure"),
    "search_label": N_("Words of the name, or a code"),
    "search_button": N_("Search"),
    "search_help": N_(
        "With or without diacritics; a word typed with diacritics must match them exactly."
    ),
    "noscript": N_("Search and filters need JavaScript; every list below works without it."),
    "lists": N_("Procedure lists"),
    "all_procedures": N_("All procedures of the province"),
    "units_of": N_("Communes, hamlets and streets"),
    "level": N_("Level"),
    "effective": N_("In force from"),
    "procedures": N_("Procedures"),
    "procedures_lc": N_("procedures"),
    "decisions": N_("Publishing decisions"),
    "unreadable": N_("Files that could not be read"),
    "filters": N_("Filters"),
    "any": N_("Any"),
    "field": N_("Field"),
    "online": N_("Online service"),
    "location": N_("Location-independent"),
    "fees": N_("Fees and charges"),
    "code": N_("Code"),
    "name": N_("Name"),
    "time_limit": N_("Time limit"),
    "origin": N_("Where it comes from"),
    "details": N_("Details"),
    "source": N_("Listed in"),
    "shares": N_("Shares"),
    "by_level": N_("By province and level"),
    "by_field": N_("By field"),
    "communes_lc": N_("communes"),
    "collisions_lc": N_("open name collisions"),
    "commune": N_("Commune"),
    "formed_from": N_("Formed from"),
    "hamlets": N_("Hamlets"),
    "streets": N_("Streets"),
    "collisions": N_("Open name collisions"),
}
FEE_LABELS = {"free": N_("Free"), "paid": N_("Paid"), "unstated": N_("Not stated")}
YES_NO = {"yes": N_("yes"), "no": N_("no"), "unstated": N_("Not stated")}
