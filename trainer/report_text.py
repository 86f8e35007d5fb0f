"""The words of exported debrief reports (Markdown, HTML, CSV): a catalog beside the UI's
(trainer/ui/messages.py), read in the language in force like it (trainer.i18n).

The sentences a report shares with the screens (the reasons, the debrief's facts, the
players' names, the objectives' results) come from trainer.ui.messages, so that each fact
is written once.
"""

from trainer import i18n
from trainer.i18n import N_

REPORT_TITLE = N_("Debrief: {title} · {player}")
REPORT_SUMMARY = N_("{turns} of {of} weeks played, market seed {seed}. Score {score}, stars {stars}. "
                    "GMV {gmv} yuan, GPM {gpm}, GMV after refunds {net}, profit {profit}.")
REPORT_OBJECTIVES = N_("Objectives")
REPORT_OBJECTIVE_COLUMNS = (N_("Objective"), N_("Result"), N_("Stars"), N_("★ / ★★ / ★★★"), "")
REPORT_COMPARED = N_("Compared on the same market seed")
REPORT_RANK = N_("Rank {rank} of {of}: the player and the reference players.")
REPORT_RANK_KEY = N_("Rank {rank} of {of}: the player, the reference players and the answer key.")
REPORT_COMPARED_COLUMNS = (N_("Player"), N_("Score"), N_("Stars"), N_("GMV"), N_("GPM"))
REPORT_BEST = N_("The weeks that made the most")
REPORT_WORST = N_("The weeks that lost the most")
REPORT_SWING = N_("Week {turn}: GMV {gmv} ({change} on the week before). {why}")
REPORT_LESSONS = N_("Lessons of the level, and what this game showed")
REPORT_WEEKS = N_("Week by week")
REPORT_WEEK_COLUMNS = (N_("Week"), N_("F"), N_("A"), N_("C"), N_("T"), N_("Strengths"), N_("GMV"), N_("GPM"), N_("ROI"),
                       N_("Net GMV"), N_("Profit"), N_("Event"))

# TRANSLATORS: the CSV export's column headers. In English they are the columns' keys (as the
# JSON export names the same figures); translate them as a spreadsheet's headers.
CSV_COLUMNS = {
    "turn": N_("turn"), "budget": N_("budget"),
    "field": N_("field"), "alliance": N_("alliance"), "campaign": N_("campaign"), "top_kol": N_("top_kol"),
    "content": N_("content"), "brand": N_("brand"), "product": N_("product"), "price": N_("price"),
    "kol": N_("kol"), "commission": N_("commission"), "discount": N_("discount"), "providers": N_("providers"),
    "spend": N_("spend"), "impressions": N_("impressions"), "orders": N_("orders"), "gmv": N_("gmv"),
    "gpm": N_("gpm"), "roi": N_("roi"), "refunds": N_("refunds"), "net_gmv": N_("net_gmv"),
    "commissions": N_("commissions"), "profit": N_("profit"),
    "field_impressions": N_("field_impressions"), "field_gmv": N_("field_gmv"), "field_gpm": N_("field_gpm"),
    "field_roi": N_("field_roi"),
    "alliance_impressions": N_("alliance_impressions"), "alliance_gmv": N_("alliance_gmv"),
    "alliance_gpm": N_("alliance_gpm"), "alliance_roi": N_("alliance_roi"),
    "campaign_impressions": N_("campaign_impressions"), "campaign_gmv": N_("campaign_gmv"),
    "campaign_gpm": N_("campaign_gpm"), "campaign_roi": N_("campaign_roi"),
    "top_kol_impressions": N_("top_kol_impressions"), "top_kol_gmv": N_("top_kol_gmv"),
    "top_kol_gpm": N_("top_kol_gpm"), "top_kol_roi": N_("top_kol_roi"),
    "recommended_impressions": N_("recommended_impressions"), "recommended_gmv": N_("recommended_gmv"),
    "fans_impressions": N_("fans_impressions"), "fans_gmv": N_("fans_gmv"),
    "event": N_("event"), "booked_kol": N_("booked_kol"), "refund_rate": N_("refund_rate"),
    "fans_after": N_("fans_after"), "rating_after": N_("rating_after"), "pool_after": N_("pool_after"),
    "creators_after": N_("creators_after"), "awareness_after": N_("awareness_after"),
    "content_after": N_("content_after"), "brand_after": N_("brand_after"), "product_after": N_("product_after"),
    "price_after": N_("price_after"),
}

_TEXT, __getattr__, __dir__ = i18n.translated_when_read(globals())
