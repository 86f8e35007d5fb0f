"""Every piece of text a player reads, in one place, in the language in force.

Screens and widgets take their words from here, never from literals of their own; the
exported reports and the command line use the same sentences. Each message below is
marked with N_() (English, the gettext msgid) and translated when it is read:
`M.PLAN_HEADER` is the catalog's text in the language in force (trainer.i18n), so a
language switch takes effect on the next screen built. Templates are whole sentences with
named placeholders, so that a translation may order its words freely.

Formatting helpers live here too: how a number is written (thousands separators,
decimals, 万 or K) is part of the language, and Babel writes it for the locale
(trainer.i18n). They only format what the core computed; they never compute a game figure.

Imports nothing heavy (no textual, no rich): the title screen needs it at launch, and the
exported reports use it without a screen.
"""

from __future__ import annotations

import math
import re

from trainer import i18n
from trainer.i18n import N_, Msg, _

# --- formatting ---------------------------------------------------------------------


def money(x: float) -> str:
    """Yuan, rounded to whole yuan, with the locale's grouping: 12,345."""
    return i18n.decimal(round(x), "#,##0")


def signed_money(x: float) -> str:
    """Yuan with a sign: +12,345 or −4,321."""
    return i18n.decimal(round(x), "+#,##0;−#,##0")


def signed_gpm(x: float) -> str:
    """A GPM change with a sign: +3.2 or −1.4."""
    return i18n.decimal(round(x, 1) + 0.0, "+#,##0.0;−#,##0.0")  # + 0.0: no −0.0


def signed_short(x: float) -> str:
    """A large change in few characters, with a sign: +12.3K or −950 (+1.23万 in Chinese)."""
    return ("+" if x >= 0 else "−") + short(abs(x))


_LEADING_DIGITS = re.compile(r"\D*(\d+)")


def short(x: float) -> str:
    """A large figure in few characters, three significant digits: 950, 9,500, then the
    locale's compact form (Babel): 12.3K, 123K, 1.24M in English; 1.23万, 12.3万, 1.24亿 in Chinese."""
    if abs(x) < 10_000:
        return money(x)
    magnitude = math.floor(math.log10(abs(x)))
    rounded = round(x, 2 - magnitude)  # three significant digits, so that 999,949 is 1M, not 1000K
    whole = _LEADING_DIGITS.match(i18n.compact(rounded, 0))
    digits = len(whole.group(1)) if whole else 3
    return i18n.compact(rounded, max(0, 3 - digits))


def gpm(x: float) -> str:
    """A GPM figure: yuan per 1,000 impressions, one decimal."""
    return i18n.decimal(x, "#,##0.0")


def ratio(x: float) -> str:
    """A ratio such as ROI: two decimals."""
    return i18n.decimal(x, "0.00")


def times(x: float) -> str:
    """A multiplier: x1.17 (1.17倍 in Chinese)."""
    return _("x{value}").format(value=i18n.decimal(x, "0.00"))


def pct(x: float, decimals: int = 0) -> str:
    """A fraction as a percentage: 0.14 -> 14%."""
    return i18n.percent(x, decimals)


def percent_value(x: float) -> str:
    """A value already in percent (commission, discount): 15 -> 15%, 12.5 -> 12.5%."""
    return i18n.percent(x / 100, pattern="#,##0.######%")


def score_points(x: float) -> str:
    """Score points, whole."""
    return i18n.decimal(round(x), "#,##0")


def level(x: float) -> str:
    """A 0..100 strength or awareness, one decimal."""
    return i18n.decimal(x, "0.0")


def decimal(x: float) -> str:
    """A plain number as the locale writes it, with as many decimals as it has: 1.5, 2."""
    return i18n.decimal(x, "#,##0.###")


def whole(x: float) -> str:
    """A figure rounded to a whole number, without grouping: a strength in a sentence."""
    return i18n.decimal(x, "0")


def rating(x: float) -> str:
    """A store rating, two decimals."""
    return i18n.decimal(x, "0.00")


def save_date(stamp: str) -> str:
    """A save's UTC time stamp (2024-05-01T12:30:00Z) as 2024-05-01 12:30 UTC."""
    if len(stamp) >= 16 and stamp[10] == "T":
        return _("{date} {time} UTC").format(date=stamp[:10], time=stamp[11:16])
    return stamp


def stars(n: int, of: int = 3) -> str:
    """Stars earned out of `of`: ★★☆."""
    return "★" * n + "☆" * max(0, of - n)


def _m(name: str):
    """The catalog's message `name` (a constant below) in the language in force."""
    return i18n.translate(_TEXT[name])


def listing(items) -> str:
    """Names as the language lists them: "A, B, and C" (Babel)."""
    return i18n.listing([str(i) for i in items])


# --- the app ------------------------------------------------------------------------

APP_TITLE = N_("FACT Trainer")
APP_SUBTITLE = N_("interest e-commerce, one week a turn")
PROMISE = N_("Run a brand on a short-video platform and learn why GPM, not ROI, earns the traffic.")
FACT_LINE = N_("F self-broadcast  ·  A creator alliance  ·  C platform campaigns  ·  T top KOLs")

TOO_SMALL = N_("FACT Trainer needs a terminal of at least {min_w} × {min_h}.\nThis one is {w} × {h}: make the window larger.")

QUIT_QUESTION = N_("Quit FACT Trainer?")
QUIT_IN_PROGRESS = N_("Week {turn} of {turns} of “{title}” is in progress. Every week played is saved: Continue picks it up.")
QUIT_NOT_SAVED = N_("Week {turn} of {turns} of “{title}” is in progress. The last save failed, so recent weeks may be lost.")
QUIT_YES = N_("Quit")
QUIT_NO = N_("Keep playing")

# bindings: descriptions shown in the Footer and the keys panel
KEY_QUIT = N_("Quit")
KEY_HELP = N_("Help")
KEY_BACK = N_("Back")
KEY_NEW_GAME = N_("New game")
KEY_SCENARIOS = N_("Scenarios")
KEY_START = N_("Start")
KEY_END_TURN = N_("End turn")
KEY_HISTORY = N_("History")
KEY_NEXT = N_("Next week")
KEY_FINAL = N_("Final score")
KEY_STEP_UP = N_("+1,000")
KEY_STEP_DOWN = N_("−1,000")
KEY_STEP_UP_PCT = N_("+1%")
KEY_STEP_DOWN_PCT = N_("−1%")
KEY_BIG_UP = N_("+10,000")
KEY_BIG_DOWN = N_("−10,000")
KEY_CLEAR = N_("Clear plan")
KEY_PLAY_AGAIN = N_("Play again")
KEY_CLOSE = N_("Close")
KEY_CONTINUE = N_("Continue")
KEY_LOAD = N_("Load")
KEY_DELETE = N_("Delete")
KEY_COACH = N_("Coaching")
KEY_WHY = N_("Why")
KEY_SCROLL = N_("Scroll")
KEY_DEBRIEF = N_("Debrief")
KEY_EXPORT = N_("Export")
KEY_DOWNLOAD = N_("Download my debrief")
KEY_PALETTE = N_("palette")
PALETTE_PLACEHOLDER = N_("Search for commands…")
PALETTE_TOOLTIP = N_("Open the command palette")
# Textual's own commands in the palette, as Textual words them (gettext finds them by these words)
TEXTUAL_COMMANDS = (
    N_("Theme"), N_("Change the current theme"), N_("Quit the application as soon as possible"),
    N_("Keys"), N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"), N_("Maximize"),
    N_("Maximize the focused widget"), N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
)

# command palette
CMD_NEW_GAME = (N_("New game"), N_("Start the first scenario (or the one given on the command line)"))
CMD_SCENARIOS = (N_("Choose a scenario"), N_("Every shipped scenario, with what it teaches"))
CMD_HELP = (N_("How to play"), N_("How to play, the FACT glossary and the keys"))
CMD_HISTORY = (N_("History"), N_("GMV and GPM over the weeks so far, and every plan"))
CMD_END_TURN = (N_("End turn"), N_("Play this week's plan"))
CMD_TITLE = (N_("Title screen"), N_("Back to the title screen"))
CMD_CONTINUE = (N_("Continue"), N_("The latest saved game"))
CMD_LOAD = (N_("Load a game"), N_("Every saved game: load one, or delete one"))
CMD_COACH_OFF = (N_("Coaching off"), N_("Hide the coach's tips and the marginal returns"))
CMD_COACH_ON = (N_("Coaching on"), N_("Show the coach's tips and the marginal returns"))
# {name}: a language in its own words (简体中文, English)
CMD_LANGUAGE = (N_("Language: {name}"), N_("Show the game in {name}; it stays so next time"))

LANGUAGE_NOW = N_("Language: {name}. It stays so next time (change it on the title screen).")
LANGUAGE_NOT_KEPT = N_("Language: {name}, for this session only: {problem}")
LANGUAGE_FIXED = N_("The workshop sets the language: {name}.")

# --- title --------------------------------------------------------------------------

TITLE_NEW = N_("New game")
TITLE_CONTINUE = N_("Continue")
TITLE_CONTINUE_HINT = N_("No saved game yet.")
TITLE_CONTINUE_LOOKING = N_("Looking for saved games…")
TITLE_CONTINUE_WHAT = N_("{player} · {scenario} · {turn} wk")
TITLE_LOAD = N_("Load a game")
TITLE_SCENARIOS = N_("Scenarios")
TITLE_HELP = N_("How to play")
TITLE_QUIT = N_("Quit")
TITLE_LANGUAGE = N_("Language: {name}")  # {name}: the language the button switches to, in its own words
TITLE_NO_SCENARIO = N_("No playable scenario was found. Run `fact-trainer list` to see which files were skipped and why.")
TITLE_STARTS = N_("New game starts: {title}")

# --- scenario picker ----------------------------------------------------------------

PICKER_TITLE = N_("Choose a scenario")
PICKER_ITEM = N_("{title}\n{difficulty} · {turns} weeks")
PICKER_BROKEN = N_("{name}\ndoes not load: {problem}")
PICKER_YOURS = N_("{title}\n{difficulty} · {turns} weeks · your level")
PICKER_ITEM_BEST = N_("{title}\n{difficulty} · {turns} weeks · finished, best {stars} {score}")
PICKER_YOURS_BEST = N_("{title}\n{difficulty} · {turns} weeks · your level · finished, best {stars} {score}")
PICKER_SHADOWED = N_("{name}\nits id {id!r} is taken by an earlier level: play it with fact-trainer play PATH")
PICKER_FACTS = N_("{difficulty} · {turns} weeks · budget {budget} yuan a week")
PICKER_TEACHES = N_("What it teaches")
PICKER_OBJECTIVES = N_("Objectives")
PICKER_BRIEFING = N_("Briefing")
PICKER_PLAY = N_("Read the briefing")
PICKER_EMPTY = N_("No scenarios found.")
DIFFICULTY = {
    "tutorial": N_("Tutorial"),
    "easy": N_("Easy"),
    "medium": N_("Medium"),
    "hard": N_("Hard"),
    "expert": N_("Expert"),
}

METRIC_LABEL = {  # an objective's name when the level gives it no label
    "gmv": N_("Total GMV"),
    "net_gmv": N_("GMV after refunds"),
    "gpm": N_("GPM over the game"),
    "profit": N_("Total profit"),
    "roi": N_("ROI over the game"),
    "fans": N_("Fans at the end"),
    "rating": N_("Store rating at the end"),
    "awareness": N_("Brand awareness at the end"),
}

# --- briefing -----------------------------------------------------------------------

BRIEF_START = N_("Start week 1")
BRIEF_BRAND = N_("{name} · {category} · {tone}")
BRIEF_STRENGTHS = N_("Starting strengths")
BRIEF_STATE = N_("Fans {fans} · rating {rating} · awareness {awareness}")
BRIEF_PRICE = N_("Order value {price} yuan · margin {margin}")
BRIEF_OBJECTIVES = N_("Objectives and stars")
BRIEF_THRESHOLDS = N_("★ {one}")
BRIEF_CALENDAR = N_("Event calendar")
BRIEF_EVENT = N_("Week {weeks}: {name} (campaign reach up to {reach} an ordinary week's, competition {competition})")
BRIEF_NO_EVENTS = N_("No platform events in this scenario.")
BRIEF_KOLS = N_("Top KOLs")
BRIEF_KOL = N_("{name}: fee {fee}, fit {fit}")
BRIEF_BUDGET = N_("Budget: {budget} yuan a week, {turns} weeks")
BRIEF_STEPS = N_("Week by week")
BRIEF_STEP = N_("Week {week}. {text}")

# --- planning (the cockpit) ---------------------------------------------------------

POSITION_LETTER = {"field": "F", "alliance": "A", "campaign": "C", "top_kol": "T"}
POSITION_NAME = {
    "field": N_("Self-broadcast"),
    "alliance": N_("Creator alliance"),
    "campaign": N_("Campaigns"),
    "top_kol": N_("Top KOLs"),
}
POSITION_IN_TEXT = {"field": N_("self-broadcast"), "alliance": N_("creator alliance"), "campaign": N_("campaigns"),
                    "top_kol": N_("top KOLs")}
POSITION_ROLE = {
    "field": N_("The base: steady sales, builds fans."),
    "alliance": N_("The amplifier: creators sell on commission."),
    "campaign": N_("The explosive field: huge in event weeks."),
    "top_kol": N_("The megaphone: reach and awareness, if the KOL fits."),
}
STRENGTH_NAME = {"content": N_("Content"), "brand": N_("Brand"), "product": N_("Product"), "price": N_("Price")}
STRENGTH_ROLE = {
    "content": N_("Cheaper reach, better live streams."),
    "brand": N_("Easier conversion, better KOL results."),
    "product": N_("The source of conversion; weak goods come back."),
    "price": N_("Wins shoppers in campaigns under competition."),
}

PLAN_HEADER = N_("Week {turn}/{turns} · {brand} · budget {budget} · planned {spend} · left {left}")
PLAN_HEADER_OVER = N_("Week {turn}/{turns} · {brand} · budget {budget} · planned {spend} · over by {over}")
WORKER_FAILED_TITLE = N_("Something went wrong")
WORKER_REVIEW = N_("The review beside the reference players and the answer key")
WORKER_EXPORT = N_("Writing the report")
WORKER_SAVES = N_("Looking for your latest saved game")
WORKER_LEADERBOARD = N_("Reading the leaderboard")
WORKER_FAILED = N_("{what} could not be finished: {error}")
WORKER_FAILED_NOTE = (N_("Your game is safe: it is saved after every week. Close this and go on; if it happens "
                      "again, please report it with the text above."))
PLAN_BUDGET_DROPPED_TITLE = N_("A smaller budget this week")
PLAN_BUDGET_DROPPED = (N_("The budget fell from {before} to {now}: last week's plan is scaled down to fit, "
                       "every amount by the same share; commission and discount are kept."))
PLAN_BUDGET_DROPPED_ALL = (N_("The budget fell from {before} to {now}: last week's plan cannot fit, "
                           "so every amount starts at 0; commission and discount are back to their defaults."))
PLAN_HEADER_INCOMPLETE = N_("Week {turn}/{turns} · {brand} · budget {budget} · plan incomplete: see the field in red")
PLAN_POSITION_TITLE = N_("{letter} {name}")
PLAN_LAST_NONE = N_("No sales yet.")
# TRANSLATORS: two lines under a position's amount: its GMV last week, then its rates
PLAN_LAST = N_("Last: GMV {gmv}\nGPM {gpm} ROI {roi}")
PLAN_FANS = N_("Fans: {fans}")
PLAN_CREATORS = N_("Creators: {creators}")
PLAN_FANS_NEXT = N_("Fans {now} → {after}")
PLAN_CREATORS_NEXT = N_("Creators {now} → {after}")
PLAN_CREATORS_FLOW = N_("+{joining} join, −{leaving} leave")
PLAN_CREATORS_TIP = (N_("Each week {churn} of the creators leave, paid or not. New ones join for the commission, "
                     "the support you put on A and a product worth selling, fewer as the pool nears its "
                     "capacity. With this plan: {joining} join, {leaving} leave."))
PLAN_STEP = N_("Week {week} step: {text}")
PLAN_BUDGET_AHEAD = N_("Budget ahead: {changes}")
PLAN_BUDGET_CHANGE = N_("{budget} from week {week}")
PLAN_BUDGET_SEP = N_(", ")
PLAN_STRENGTH_NEXT = N_("→{after}")
PLAN_STRENGTH_TIP = (N_("{name}: {now} now, {after} next week. Every strength fades {fade} a week; an investment "
                     "closes part of the gap to 100, each yuan less than the one before. This plan's "
                     "investment adds {gain} points."))
PLAN_KOL_BOOKS = N_("{name}: {fee}, fit {fit}, {commission} commission")
PLAN_KOL_REPEAT = N_("Repeat: reach ÷{fatigue}")
PLAN_KOL_REPEAT_TIP = (N_("The brand booked a KOL lately: much of this audience has seen it already, so a booking "
                       "now reaches fewer new viewers (fresh reach ÷{fatigue}). A week or two apart, it recovers."))
PLAN_COMMISSION = N_("Commission %")
POSITION_SHORT = {"field": N_("Live room"), "alliance": N_("Creators"), "campaign": N_("Campaigns"), "top_kol": N_("Top KOLs")}
PLAN_COMMISSION_RANGE = N_("{low}–{high}")
PLAN_EVENT = N_("{name}: C reach {reach}, competition {competition}.")
PLAN_NO_EVENT = N_("No event this week.")
PLAN_NEXT_EVENT = N_("Next: {name}, week {week}.")
PLAN_NO_MORE_EVENTS = N_("No more events.")
PLAN_KOL_AUTO = N_("Best fit")
PLAN_KOL_OPTION = N_("{name} · {fee} · fit {fit}")
PLAN_KOL_NONE = N_("No KOLs in this scenario.")
PLAN_INVEST_TITLE = N_("Invest in strengths · offer")
PLAN_STRENGTH_LABEL = N_("{name} {value}")
PLAN_DISCOUNT = N_("Discount %")
PLAN_END_TURN = N_("End week {turn} ▸")
PLAN_HISTORY = N_("History")
PLAN_HELP = N_("Help")
PLAN_HINT = N_("Type yuan, or step with ↑ ↓ (PgUp PgDn ×10). Tab: next field.")
PLAN_READY = N_("Plan ready: {spend} of {budget} yuan. End the week when you like.")
PLAN_FIX_FIRST = N_("This plan cannot be played yet: {problem}")

# bad input: what was wrong, and what to do
BAD_EMPTY = N_("{field}: type an amount (0 spends nothing).")
BAD_EMPTY_PERCENT = N_("{field}: type a percentage (0 for none).")
BAD_NOT_NUMBER = N_("{field}: “{text}” is not an amount of yuan. Type digits only, e.g. 20000.")
BAD_NOT_PERCENT = N_("{field}: “{text}” is not a percentage. Type a number, e.g. 15.")
BAD_NEGATIVE = N_("{field}: amounts start at 0, “{text}” is negative.")
BAD_TOO_BIG = N_("{field}: {text} is far more than any budget (at most {max} yuan).")
BAD_FRACTION = N_("{field}: whole yuan only, “{text}” has decimals.")
BAD_BUDGET = N_("Over budget: this plan spends {spend} yuan but the week's budget is {budget} (over by {over}). Lower an amount.")
BAD_KOL_FEE = N_("T: {kol} costs {fee} yuan a slot, but T has {amount}. Raise T to the fee or set it to 0.")
BAD_KOL_NONE_AFFORDABLE = N_("T: {amount} yuan affords no KOL; the cheapest, {kol}, costs {fee}.")
BAD_NO_KOLS = N_("T: this scenario has no KOLs to book; set T to 0.")
BAD_COMMISSION = N_("Commission: {value} is outside this scenario's range, {low} to {high}.")
BAD_DISCOUNT = N_("Discount: {value} must be between 0% and 90%.")
BAD_UNKNOWN = N_("{message}")

FIELD_LABEL = {
    "field": N_("F"),
    "alliance": N_("A"),
    "campaign": N_("C"),
    "top_kol": N_("T"),
    "content": N_("Content"),
    "brand": N_("Brand"),
    "product": N_("Product"),
    "price": N_("Price"),
    "commission": N_("Commission"),
    "discount": N_("Discount"),
}

# --- turn results -------------------------------------------------------------------

RESULTS_TITLE = N_("Week {turn} of {turns}: results")
RESULTS_GMV = N_("GMV (yuan)")
RESULTS_GPM = N_("GPM (GMV per 1,000 impressions)")
RESULTS_LINE = N_("Net GMV after refunds {net} · ROI {roi} · profit {profit}")
RESULTS_BENCHMARK = N_("Category GPM benchmark: {benchmark}")
RESULTS_WHY = N_("Why: each cause, the week replayed without it (w: since last week)")
RESULTS_WHY_CHANGE = N_("What moved GMV and GPM since week {turn} (w: each cause)")
RESULTS_WHY_FIRST_WEEK = N_("Week 1 has no week before it: these are its causes.")
RESULTS_NO_CHANGES = N_("Nothing moved since last week.")
RESULTS_GPM_PART = N_("{gpm} GPM")
RESULTS_COACH = N_("Coach")
RESULTS_TIP_KEY = N_("[{n}]")
RESULTS_SAVED = N_("Saved to {path}")
RESULTS_NOT_SAVED = N_("Not saved: {problem}")
RESULTS_NO_REASONS = N_("Nothing stood out this week.")
RESULTS_BY_POSITION = N_("By position and traffic source")
RESULTS_COLUMNS = ("", N_("Spend"), N_("Impressions"), N_("GPM"), N_("GMV"), N_("ROI"))
RESULTS_ROW_RECOMMENDED = N_("Recommended")
RESULTS_ROW_FANS = N_("Fans")
RESULTS_ROW_TOTAL = N_("Total")
RESULTS_NONE = N_("—")
RESULTS_TRAFFIC = N_("Traffic: paid {paid} · recommended {recommended} · fans {fans} impressions")
RESULTS_CHANGES = N_("Before → after")
RESULTS_CHANGE_COLUMNS = ("", N_("Before"), N_("After"))
RESULTS_RATING = N_("Store rating")
RESULTS_FANS = N_("Fans")
RESULTS_AWARENESS = N_("Awareness")
RESULTS_POOL = N_("Traffic pool")
RESULTS_CREATORS = N_("Creators")
RESULTS_NEXT = N_("Next week ▸")
RESULTS_FINAL = N_("Final score ▸")
RESULTS_HISTORY = N_("History")

# the drivers, one sentence per kind of reason (values as the core names them)
REASON = {
    "pool_up": N_("Recommendation boost {pool}: last week's GPM beat the category benchmark ({signal}), so the recommender showed the store to more people."),
    "pool_down": N_("Recommendation pool shrank to {pool}: last week's GPM missed the category benchmark ({signal})."),
    "pool_level": N_("Recommendation pool at {pool}: the level earlier weeks' GPM earned."),
    "pool_recovering": N_("Recommendation pool at {pool}, below where the store started: earlier weeks' GPM fell short. Last week's beat the category benchmark ({signal}), so it is growing back."),
    "pool_high_falling": N_("Recommendation boost {pool}, earned by earlier weeks' GPM; last week's missed the category benchmark ({signal}), so it is shrinking."),
    "fans": N_("Fans bought again: {fans} fans, kept {activity} active by the live room."),
    "saturation": N_("Diminishing returns on {position}: {spend} yuan bought less than the first yuan's rate."),
    "carryover": N_("{position} kept working from earlier weeks: {impressions} impressions carried over."),
    "carryover_all": N_("Earlier weeks' spend kept working: {impressions} impressions carried over."),
    "event": N_("{event}: campaign reach {multiplier} in the event week."),
    "price_competition_up": N_("Price strength won shoppers in {event} (campaign conversion {factor})."),
    "price_competition_down": N_("Weak price strength lost shoppers in {event} (campaign conversion {factor})."),
    "refunds": N_("Refunds: {rate} of GMV came back."),
    "refunds_product": N_("Refunds: {rate} of GMV came back (weak product +{product})."),
    "refunds_discount": N_("Refunds: {rate} of GMV came back (deep discount +{discount})."),
    "refunds_both": N_("Refunds: {rate} of GMV came back (weak product +{product}, deep discount +{discount})."),
    "throttle": N_("Traffic throttled to {throttle}: store rating {rating} is below the platform's line."),
    "kol_fit_good": N_("{kol} fits the brand well (fit {fit}): the audience buys."),
    "kol_fit_poor": N_("{kol} fits the brand poorly (fit {fit}): reach without buyers."),
    "kol_fatigue": N_("KOL audiences saw the brand lately (fatigue {fatigue}): fresh reach was smaller."),
    "discount": N_("Discount {discount}: orders {orders}, each at a lower price."),
    "auction_up": N_("Cheaper paid reach ({auction}): the ad auction favours a store that converts."),
    "auction_down": N_("Dearer paid reach ({auction}): the ad auction charges a store that converts poorly."),
    "luck": N_("Market luck this week: {luck}."),
    "strengths_up": N_("Strengths above the average (content {content}, brand {brand}, product {product}, price {price}) sold more."),
    "strengths_down": N_("Strengths below the average (content {content}, brand {brand}, product {product}, price {price}) sold less."),
    "awareness": N_("Brand awareness {awareness}: people who know the brand buy more readily ({factor} conversion)."),
    "tags": N_("The account's tags are blurred ({tags} clear): mismatched viewers confused the recommender, so it aimed worse."),
    "started": N_("{position} started this week with {spend} yuan."),
    "stopped": N_("{position} stopped this week (it had {spend} yuan last week)."),
    "provider_up": N_("{providers} ran {position} for you: its reach and conversion {factor}."),
    "provider_down": N_("{providers} on {position} held it back: reach and conversion {factor}."),
}
REASON_PROVIDER_NONE = N_("Hired agencies")

POSITION_IN_SENTENCE = N_("{letter} ({name})")


def position_phrase(name: str | None) -> str:
    """A position as a sentence names it: F (self-broadcast)."""
    if name is None:
        return ""
    return _m("POSITION_IN_SENTENCE").format(letter=POSITION_LETTER[name], name=i18n.translate(_TEXT["POSITION_IN_TEXT"][name]))


def _reason(key: str) -> str:
    return i18n.translate(_TEXT["REASON"][key])


def _kol_name(scenario, kol_id) -> str:
    kol = scenario.kol(kol_id)
    return kol.name if kol else kol_id


def sentence(reason, scenario) -> str:
    """One reason (trainer.core.explain.Reason) in plain words, with the figures the core gave.

    `scenario` names the KOLs and service providers. Pure: no Rich, no Textual, so that
    exported reports use the same words as the screens.
    """
    v = reason.values
    kind = reason.kind
    position = position_phrase(reason.position)
    if kind == "pool":
        signal = v.get("signal")
        if signal is None:
            return _reason("pool_level").format(pool=times(v["pool"]))
        # the sentence follows where the pool stands (what this week's GMV gained or lost
        # against a pool at 1) and where last week's GPM is taking it
        above = v["pool"] >= 1.0
        if signal >= 1.0:
            key = "pool_up" if above else "pool_recovering"
        else:
            key = "pool_high_falling" if above else "pool_down"
        return _reason(key).format(pool=times(v["pool"]), signal=times(signal))
    if kind == "fans":
        return _reason("fans").format(fans=money(v["fans"]), activity=pct(v["activity"]))
    if kind == "saturation":
        return _reason("saturation").format(position=position, spend=money(v["spend"]))
    if kind == "carryover":
        key = "carryover" if reason.position else "carryover_all"
        return _reason(key).format(position=position, impressions=money(v["impressions"]))
    if kind == "event":
        return _reason("event").format(event=v["event"], multiplier=times(v["multiplier"]))
    if kind == "price_competition":
        key = "price_competition_up" if v["factor"] >= 1.0 else "price_competition_down"
        return _reason(key).format(event=v["event"], factor=times(v["factor"]))
    if kind == "refunds":
        product, discount = v.get("product"), v.get("discount")
        key = {(False, False): "refunds", (True, False): "refunds_product", (False, True): "refunds_discount",
               (True, True): "refunds_both"}[(bool(product), bool(discount))]
        return _reason(key).format(rate=pct(v["rate"], 1), product=pct(product or 0, 1), discount=pct(discount or 0, 1))
    if kind == "throttle":
        return _reason("throttle").format(throttle=pct(v["throttle"]), rating=rating(v["rating"]))
    if kind == "kol_fit":
        key = "kol_fit_good" if v["fit"] >= 0.5 else "kol_fit_poor"
        return _reason(key).format(kol=_kol_name(scenario, v["kol"]), fit=ratio(v["fit"]))
    if kind == "kol_fatigue":
        return _reason("kol_fatigue").format(fatigue=ratio(v["fatigue"]))
    if kind == "provider":
        names = []
        for pid in v.get("providers", []):
            p = scenario.provider(pid)
            if p is not None and p.position == reason.position:
                names.append(p.name)
        key = "provider_up" if v["factor"] >= 1.0 else "provider_down"
        return _reason(key).format(providers=listing(names) or _m("REASON_PROVIDER_NONE"), position=position,
                                   factor=times(v["factor"]))
    if kind == "discount":
        return _reason("discount").format(discount=pct(v["discount"]), orders=times(v["orders"]))
    if kind == "auction":
        key = "auction_up" if v["auction"] >= 1.0 else "auction_down"
        return _reason(key).format(auction=times(v["auction"]))
    if kind == "luck":
        return _reason("luck").format(luck=times(v["luck"]))
    if kind == "strengths":
        key = "strengths_up" if reason.gmv >= 0 else "strengths_down"
        return _reason(key).format(**{k: whole(x) for k, x in v["strengths"].items()})
    if kind == "awareness":
        return _reason("awareness").format(awareness=whole(v["awareness"]), factor=times(v["factor"]))
    if kind == "tags":
        return _reason("tags").format(tags=pct(v["tags"]))
    if kind in ("started", "stopped"):
        return _reason(kind).format(position=position, spend=money(v["spend"]))
    return kind


# the causes of a change since last week (trainer.core.explain.Change): kind/cause
CHANGE = {
    "position/spend": N_("{position}: spend {spend_before} → {spend_after} yuan, {impressions_before} → {impressions_after} impressions."),
    "position/started": N_("{position} started: {spend_after} yuan bought {impressions_after} impressions."),
    "position/stopped": N_("{position} stopped: {spend_before} yuan last week; {impressions_after} impressions still came from earlier spend."),
    "position/reach": N_("{position}: reach {impressions_before} → {impressions_after} impressions on the same kind of spend (carryover, auction, event or throttle)."),
    "position/conversion": N_("{position}: GPM {gpm_before} → {gpm_after}: conversion moved (strengths, fit, discount or luck)."),
    "recommended/pool": N_("Recommended traffic: pool {pool_before} → {pool_after}, {impressions_before} → {impressions_after} impressions."),
    "recommended/conversion": N_("Recommended traffic converted differently ({impressions_before} → {impressions_after} impressions): strengths, discount or luck."),
    "fans/fans": N_("Fans buying again: {fans_before} → {fans_after} fans."),
    "fans/activity": N_("Fans' activity {activity_before} → {activity_after}: the live room keeps fans buying."),
    "fans/event": N_("Fans buying with the event's traffic: {event_before} → {event_after} ({fans_before} → {fans_after} fans)."),
    "fans/conversion": N_("Fans bought differently ({fans_before} → {fans_after} fans, activity {activity_before} → {activity_after}): strengths, discount or luck."),
    "refunds/refunds": N_("Refunds: rate {rate_before} → {rate_after} of GMV."),
}


def change_sentence(change) -> str:
    """One change since last week (trainer.core.explain.Change) in plain words."""
    v = change.values
    key = f"{change.kind}/{change.cause}"
    if change.kind == "position" and change.cause not in ("spend", "reach", "conversion", "started", "stopped"):
        key = "position/conversion"
    text = _TEXT["CHANGE"].get(key)
    if text is None:
        return key
    figures = {}
    for name, value in v.items():
        if name.startswith(("spend_", "impressions_")):
            figures[name] = short(value)
        elif name.startswith("gpm_"):
            figures[name] = gpm(value)
        elif name.startswith(("pool_", "event_")):
            figures[name] = times(value)
        elif name.startswith("fans_"):
            figures[name] = money(value)
        elif name.startswith(("activity_", "rate_")):
            figures[name] = pct(value, 1 if name.startswith("rate_") else 0)
    return i18n.translate(text).format_map(_Figures(figures, position=position_phrase(change.position)))


class _Figures(dict):
    """A template's values; a figure the core did not give reads as a dash, not a KeyError."""

    def __init__(self, figures: dict, **more):
        super().__init__(figures, **more)

    def __missing__(self, key: str) -> str:
        return "—"


# --- the coach ----------------------------------------------------------------------

PRINCIPLE = {
    "field_is_the_base": N_("F is the base"),
    "fit": N_("Fit beats fame"),
    "marginal_returns": N_("Marginal returns"),
    "quality_gmv": N_("Quality GMV"),
    "price_strength": N_("Price strength wins events"),
    "gpm_over_roi": N_("GPM over ROI"),
}

TIP_NAME = {  # a coach's tip in a few words: the class debrief counts them
    "no_field": N_("no self-broadcast"),
    "poor_fit": N_("a KOL of poor fit"),
    "saturation": N_("money past saturation"),
    "deep_discount": N_("deep discounts"),
    "weak_product": N_("weak product, goods sent back"),
    "event_without_price": N_("an event without price strength"),
    "roi_over_gpm": N_("chasing ROI while GPM falls"),
}


def tip_name(tip_id: str) -> str:
    """A coach's tip (its id, trainer.core.coach.Tip.id) in a few words, in the language in force."""
    name = _m("TIP_NAME").get(tip_id)
    return name if name is not None else tip_id


def _tip(key: str) -> str:
    return i18n.translate(_TEXT["TIP"][key])


def tip_sentence(tip, scenario) -> str:
    """A coach's tip (trainer.core.coach.Tip) in plain words, with the figures behind it."""
    v = tip.values
    if tip.id == "no_field":
        return _tip("no_field").format(turns=v["turns"], fans=money(v["fans"]), fan_gmv=money(v["fan_gmv"]))
    if tip.id == "poor_fit":
        if v.get("better"):
            return _tip("poor_fit_better").format(kol=_kol_name(scenario, v["kol"]), fit=ratio(v["fit"]),
                                                  better=_kol_name(scenario, v["better"]),
                                                  better_fit=ratio(v["better_fit"]))
        return _tip("poor_fit").format(kol=_kol_name(scenario, v["kol"]), fit=ratio(v["fit"]))
    if tip.id == "saturation":
        return _tip("saturation").format(saturated=position_phrase(v["saturated"]),
                                         saturated_per_yuan=ratio(v["saturated_per_yuan"]),
                                         cheap=position_phrase(v["cheap"]), cheap_per_yuan=ratio(v["cheap_per_yuan"]))
    if tip.id == "deep_discount":
        return _tip("deep_discount").format(discount=percent_value(v["discount"]), threshold=percent_value(v["threshold"]),
                                            refund_rate=pct(v["refund_rate"], 1), rating=rating(v["rating"]))
    if tip.id == "event_without_price":
        if v.get("coming"):
            return _tip("event_coming").format(event=v["event"], price=level(v["price"]),
                                               competition=ratio(v["competition"]))
        return _tip("event_lost").format(event=v["event"], price=level(v["price"]),
                                         factor=times(v.get("price_factor", 1.0)))
    if tip.id == "roi_over_gpm":
        return _tip("roi_over_gpm").format(gpm=gpm(v["gpm"]), benchmark=gpm(v["benchmark"]), pool=times(v["pool"]),
                                           roi=ratio(v["roi"]))
    if tip.id == "weak_product":
        return _tip("weak_product").format(product=level(v["product"]), line=level(v["line"]),
                                           refund_product=pct(v["refund_product"], 1))
    return tip.id


TIP = {
    "no_field": N_("No self-broadcast for {turns} weeks: {fans} fans brought only {fan_gmv} yuan. The live room keeps fans buying and builds the base every other position stands on."),
    "poor_fit": N_("{kol} fits the brand poorly (fit {fit}): reach without buyers."),
    "poor_fit_better": N_("{kol} fits the brand poorly (fit {fit}): reach without buyers. {better} fits at {better_fit}."),
    "saturation": N_("The next yuan on {saturated} brings {saturated_per_yuan} GMV; on {cheap} it brings {cheap_per_yuan}. Move money to where it works hardest."),
    "deep_discount": N_("A {discount} discount is past the {threshold} line: refunds reached {refund_rate} and the rating is {rating}. Invest in product or price strength instead of cutting the price."),
    "event_coming": N_("{event} starts next week with competition {competition}, and price strength is only {price}: invest in price before it."),
    "event_lost": N_("In {event} weak price strength ({price}) cut campaign conversion to {factor}: invest in price before the next event."),
    "roi_over_gpm": N_("GPM {gpm} is under the benchmark {benchmark} and the pool fell to {pool}. ROI {roi} looks fine, but without content or product investment the snowball melts: build GPM."),
    "weak_product": N_("Product strength {product} is under the quality line {line}: weak goods added {refund_product} refunds. Invest in product."),
}

PLAN_MARGINAL = N_("Next 10%: {gmv}")
PLAN_MARGINAL_RATE = N_("{per_yuan} GMV/yuan")
PLAN_MARGINAL_KOL = N_("Booking: {gmv}")
PLAN_MARGINAL_KOL_WHO = N_("{name}, fee {fee}")
PLAN_PROVIDERS = N_("Hire agencies:")
PLAN_PROVIDER_SHORT = N_("{name} ({letter}) {fee}")
PLAN_PROVIDER_TIP = (N_("{name} runs {position} for you this week. Fee {fee} yuan from the budget; "
                     "reach {reach}, conversion {conversion}; knows {track} (half the effect in another category)."))
PLAN_PROVIDER_ANY_TRACK = N_("every category")

# --- history ------------------------------------------------------------------------

HISTORY_TITLE = N_("History: {turns_played} of {turns} weeks")
HISTORY_GMV = N_("GMV by week · best {best}")
HISTORY_GPM = N_("GPM by week · benchmark {benchmark} ┊")
HISTORY_WEEK = N_("W{turn}")
HISTORY_EMPTY = N_("No week played yet: the charts fill in as you play.")
HISTORY_PLANS = N_("Plans and results")
HISTORY_COLUMNS = (N_("Week"), N_("F"), N_("A"), N_("C"), N_("T"), N_("KOL"), N_("Content"), N_("Brand"), N_("Product"), N_("Price"), N_("Comm."), N_("Disc."),
                   N_("GMV"), N_("GPM"), N_("ROI"))
HISTORY_KOL_NONE = N_("—")

# --- end of game --------------------------------------------------------------------

END_TITLE = N_("Game over: {title}")
END_SCORE = N_("Final score")
END_STARS = N_("Stars")
END_TOTALS = N_("Total GMV {gmv} · GPM {gpm} · net GMV {net} · profit {profit}")
END_OBJECTIVES = N_("Objectives")
END_COLUMNS = (N_("Objective"), N_("Result"), N_("Stars"), N_("★ / ★★ / ★★★"), N_("Points"))
END_MET = N_("met")
END_MISSED = N_("missed")
END_HOW_MEAN = N_("The final score is the mean of the objectives' points.")
END_HOW_WEIGHTED = N_("The final score is the objectives' points averaged by weight ({weights}).")
END_HOW_WEIGHT = N_("{title} ×{weight}")
END_HOW_STARS = (N_("The stars are the fewest any objective earned. Points: 1,000 at an objective's "
                 "three-star line, rising more slowly above it."))
# two whole sentences one after the other (a space between them in English, none in Chinese)
SENTENCES = N_("{first} {second}")
END_VERDICT = {
    0: N_("No star yet: read why each week went as it did, and try again."),
    1: N_("One star: a start. Look at GPM, not only spend."),
    2: N_("Two stars: a solid store. One objective fell short of the top."),
    3: N_("Three stars: every objective met in full."),
}
END_PLAY_AGAIN = N_("Play again")
END_DEBRIEF = N_("Debrief ▸")
END_OTHER = N_("Another scenario")
END_TITLE_SCREEN = N_("Title screen")

# --- saves --------------------------------------------------------------------------

NAME_TITLE = N_("Your name")
NAME_PROMPT = N_("It goes on your saved game (one file per game) and on a workshop's leaderboard.")
NAME_PLACEHOLDER = N_("e.g. Li Na")
NAME_EMPTY = N_("Type a name (letters or digits): an empty name cannot label a saved game.")
NAME_OK = N_("Start")
NAME_CANCEL = N_("Cancel")

SAVE_FAILED_TITLE = N_("Not saved")
SAVE_FAILED = N_("{problem}")

LOAD_TITLE = N_("Saved games")
LOAD_COLUMNS = (N_("Player"), N_("Scenario"), N_("Weeks"), N_("GMV"), N_("Score"), N_("Saved"))
LOAD_EMPTY = N_("No saved games in {folder}. New game starts one; it is saved after every week.")
LOAD_DAMAGED = N_("damaged")
LOAD_FOLDER = N_("Folder: {folder}")
LOAD_DETAIL = N_("{path}")
LOAD_DETAIL_DAMAGED = N_("{path} cannot be loaded: {problem}")
LOAD_OPEN = N_("Load")
LOAD_DELETE = N_("Delete…")
LOAD_BACK = N_("Back")
LOAD_CANNOT = N_("This save cannot be loaded: {problem}")

DELETE_QUESTION = N_("Delete this saved game?")
DELETE_WHAT = N_("{player} · {scenario} · {turns} weeks played\n{path}\nThe file and its backup are deleted for good.")
DELETE_YES = N_("Delete")
DELETE_NO = N_("Keep it")
DELETE_FAILED = N_("{path} could not be deleted ({reason}): check the folder's permissions; the file is as it was.")
DELETED = N_("Deleted {path}.")

LOAD_PROBLEM_TITLE = {
    "edited": N_("This save was changed by hand"),
    "scenario_changed": N_("The scenario has changed since this game was saved"),
    "model_changed": N_("The market model has changed since this game was saved"),
    "partial": N_("This save is incomplete"),
}
LOAD_PROBLEM_INTRO = N_("{path}\nThe game was replayed from its decisions. What did not match:")
LOAD_PROBLEM_CHOICE = N_("Continue from the replayed game (week {turn}, the file is saved again after your next week), or start again.")
LOAD_CONTINUE = N_("Continue")
LOAD_RESTART = N_("Start again")
LOAD_ERROR_TITLE = N_("This save cannot be loaded")
LOAD_ERROR_NOTE = N_("The file was not changed.")
OK = N_("OK")

# --- workshop -----------------------------------------------------------------------

WORKSHOP_WELCOME = N_("Welcome to the workshop. Type your name or your team's name to join.")
WORKSHOP_NAME = N_("Name or team")
WORKSHOP_CODE = N_("Access code")
WORKSHOP_CODE_PROMPT = N_("The facilitator gives the access code.")
WORKSHOP_CODE_PLACEHOLDER = N_("the code on the screen or the board")
WORKSHOP_JOIN = N_("Join")
WORKSHOP_NAME_EMPTY = N_("Type a name or a team name (letters or digits): it labels your games on the leaderboard.")
WORKSHOP_CODE_EMPTY = N_("Type the access code the facilitator gave.")
WORKSHOP_CODE_WRONG = N_("That access code is not this workshop's. Check it with the facilitator and type it again.")
WORKSHOP_JOINED = N_("Playing as {name}")
WORKSHOP_ROUNDS = N_("Rounds")
WORKSHOP_ROUND = N_("{n}. {title} · {turns} weeks")
WORKSHOP_ROUND_DONE = N_("{n}. {title} · {turns} weeks · played")
WORKSHOP_RULES = N_("Same market for everyone (seed {seed}) · coach {coach} · marginal returns {marginal} · answer key {key}")
WORKSHOP_RULES_TIMED = N_("Same market for everyone (seed {seed}) · coach {coach} · marginal returns {marginal} · answer key {key} · {seconds} s a week")
WORKSHOP_ON = N_("on")
WORKSHOP_OFF = N_("off")
WORKSHOP_KEY = {"after": N_("after the game"), "never": N_("never")}
WORKSHOP_PLAY = N_("Play this round")
WORKSHOP_PICK = N_("Pick a round (↑ ↓, Enter): play them in order; each is saved for the leaderboard.")
WORKSHOP_NOT_HERE = N_("Not in a workshop: its games are the workshop's rounds, saved for the leaderboard.")
WORKSHOP_COACH_OFF = N_("The workshop turns coaching off for this session.")
CMD_ROUNDS = (N_("Rounds"), N_("The workshop's rounds: pick the next one"))

TIMER_LEFT = N_("{title} · {time} left")
TIMER_SOON = N_("{seconds} seconds left to plan this week.")
TIMER_ENDED = N_("Time is up: week {turn} was played with the plan on screen.")
TIMER_ENDED_LAST = N_("Time is up: the plan on screen could not be played ({problem}), so week {turn} was played with the last plan that could.")

# --- live leaderboard (the facilitator's screen) ------------------------------------

LB_COLUMNS = (N_("#"), N_("Name"), N_("Round"), N_("Week"), N_("Score"), N_("Stars"), N_("GMV"), N_("GPM"))
LB_UNVERIFIED = N_("Not ranked: these saves do not verify")
LB_UNVERIFIED_COLUMNS = (N_("Name"), N_("Round"), N_("Weeks"), N_("Why"))
LB_FINISHED = N_("{turn} ✓")
LB_READING = N_("Reading the saves…")
LB_STATUS = N_("ranked: {games} · still playing: {playing} · not verified: {unverified}")
LB_STATUS_UPDATED = N_("ranked: {games} · still playing: {playing} · not verified: {unverified} · updated {time}")
LB_REFRESH = N_("Refresh")

# --- --watch (scenario authors) -------------------------------------------------------

WATCH_RELOADED = N_("Reloaded {path}: “{title}” starts again from week 1.")
WATCH_RELOADED_TITLE = N_("reloaded")
WATCH_PROBLEMS = N_("{path} changed but does not load; the game goes on with the last good version.\n{problems}")
WATCH_PROBLEMS_TITLE = N_("not reloaded")
WATCH_MORE = N_("… and {count} more (fact-trainer validate {path})")

# --- debrief ----------------------------------------------------------------------

DEBRIEF_TITLE = N_("Debrief: {title}")
DEBRIEF_LOADING = N_("Reviewing the game: replaying the reference players and searching for the answer key on your market seed…")
DEBRIEF_CHART_GMV = N_("GMV by week")
DEBRIEF_CHART_GPM = N_("GPM by week (benchmark {benchmark})")
DEBRIEF_CHART_SPEND = N_("Spend by position")
DEBRIEF_CHART_STRENGTHS = N_("Strengths after each week")
DEBRIEF_BENCHMARK = N_("benchmark")
DEBRIEF_WEEK = N_("week")
DEBRIEF_COMPARED = N_("You and the reference players, same market seed")
DEBRIEF_RANK = N_("Rank {rank} of {of}: you and the reference players.")
DEBRIEF_RANK_KEY = N_("Rank {rank} of {of}: you, the reference players and the answer key.")
DEBRIEF_COLUMNS = (N_("Player"), N_("Score"), N_("Stars"), N_("GMV"), N_("GPM"))
DEBRIEF_YOU = N_("You ({player})")
DEBRIEF_PLAYER = {
    "balanced": N_("Balanced FACT heuristic"),
    "roi_greedy": N_("ROI chaser (best ROI each week)"),
    "even_split": N_("Even split"),
    "answer_key": N_("Answer key (search)"),
}
DEBRIEF_SWINGS = N_("The weeks that made and lost the most")
DEBRIEF_BEST = N_("Week {turn}: GMV {gmv} ({change} on the week before)")
DEBRIEF_NO_SWINGS = N_("No week stood out.")
DEBRIEF_LESSONS = N_("What this level teaches, and what your game showed")
DEBRIEF_SHOWED = N_("What your game showed")
DEBRIEF_FACTS = (
    ("gpm", N_("GPM went from {gpm_first} in week 1 to {gpm_last} in the last week (benchmark {benchmark}).")),
    ("pool", N_("The recommendation pool went from {pool_first} to {pool_last}.")),
    ("fans", N_("Fans went from {fans_first} to {fans_last}.")),
    ("shares", N_("Of the money spent: {shares}; strengths {share_strengths}.")),  # shares: DEBRIEF_SHARE, listed
    ("quality", N_("Highest refund rate {refund_rate_max}; lowest store rating {rating_min}.")),
    ("kol", N_("Mean fit of the KOLs booked: {kol_fit_mean}.")),
    ("awareness", N_("Brand awareness went from {awareness_first} to {awareness_last}.")),
)
DEBRIEF_SHARE = N_("{letter} {share}")
DEBRIEF_EXPORT = N_("Export…")
DEBRIEF_BACK = N_("Back")
EXPORT_QUESTION = N_("Export the debrief")
EXPORT_WHAT = N_("A report of this game, written under {folder}.")
EXPORT_FORMATS = {
    "md": N_("Markdown"),
    "html": N_("HTML (to print or project)"),
    "csv": N_("CSV (one row per week)"),
    "json": N_("JSON (for other tools)"),
}
EXPORT_WORKING = N_("Writing the {fmt} report…")
EXPORT_DONE = N_("Report written: {name}\nin the folder {folder}")
EXPORT_FAILED = N_("The report was not written: {problem}")

# --- help ---------------------------------------------------------------------------

HELP_TITLE = N_("How to play")
HELP_HOW = N_("""\
# How to play

You run a brand's store on a short-video platform, **one week per turn**. Each week:

1. **Plan.** Split the week's budget across the four **positions** (F, A, C, T) and,
   if you like, invest in the brand's four **strengths**. Set the creators'
   commission and any discount. The cockpit shows what is left, and refuses a plan
   it cannot play, saying why.
2. **End the week.** The market plays it out.
3. **Read the results.** GMV and GPM first, then *why*: the week's main drivers in
   plain words. Next week starts from where this one left the store.

At the end the objectives decide the stars and the score.""")
HELP_GLOSSARY = N_("""\
# The FACT glossary

| term | meaning |
|---|---|
| **F**, self-broadcast | The brand's own live room. The base: steady sales, full control, builds **fans** who buy again. |
| **A**, creator alliance | Many mid and small creators selling on commission. The amplifier: grows with commission and support. |
| **C**, platform campaigns | Festivals and themed events. The explosive field: huge traffic in event weeks, fierce price competition. |
| **T**, top KOLs | Star creators. The megaphone: big reach and awareness, if the KOL fits the brand. |
| **Content** | Quality of videos and streams: cheaper reach, better conversion. |
| **Brand** | Pull of the brand: easier conversion, better KOL results. |
| **Product** | The source of conversion; below the quality line refunds climb. |
| **Price** | Price competitiveness: decides campaigns under competition. |
| **GMV** | Gross merchandise value: the yuan of goods sold. |
| **GPM** | GMV per 1,000 impressions: how well the store converts what it is shown. The figure the recommender rewards. |
| **ROI** | GMV per yuan spent: the old way of judging a spend. |
| **Snowball** | A GPM above the category benchmark grows the recommendation pool: more, and better matched, free traffic next week. |
| **Quality GMV** | GMV that stays sold. Weak goods and deep discounts bring refunds; a falling rating throttles traffic. |
| **Saturation** | The tenth yuan on one position buys less than the first. |""")
HELP_PRINCIPLES = N_("The principles the coach names")
# each principle's text, under its name (PRINCIPLE) as a heading
HELP_PRINCIPLE = {
    "field_is_the_base": N_("""\
Self-broadcast is the store's own live room: steady daily sales at a cost under your
control, and the place where **fans** accumulate. Fans come back and buy without paid
reach. Whatever else a brand does, F carries it: a week without it loses this week's
fans and next month's."""),
    "fit": N_("""\
A top KOL's reach only sells when the KOL's audience is the brand's audience. A
well-fitting creator of middle size beats a famous one of another category or tone:
the fit figure says how well the audience buys."""),
    "marginal_returns": N_("""\
Every position saturates: the tenth yuan buys less reach than the first. Put the next
slice of budget where it adds the most GMV *now*: the cockpit shows what the next 10%
of the budget would bring on each position (switch it off with **F4**)."""),
    "quality_gmv": N_("""\
The platform puts governance before GMV. Weak goods and deep discounts bring refunds;
refunds pull the store rating down, and a low rating throttles traffic. GMV that stays
sold, from good goods at good prices, is the only GMV that counts."""),
    "price_strength": N_("""\
Campaign weeks bring huge traffic and fierce competition: shoppers compare. Price
strength, built in the weeks before, decides how much of an event's traffic converts."""),
    "gpm_over_roi": N_("""\
ROI judges a yuan by what it sells this week. The recommender judges the store by
**GPM**, GMV per 1,000 impressions: above the category benchmark it grows the free
traffic pool (the snowball), below it the pool shrinks. Content and product
investment build GPM; chasing each week's ROI lets it melt."""),
}
HELP_KEYS = N_("""\
# Keys

| key | what it does |
|---|---|
| **F1** | this help (also in the command palette, **ctrl+p**) |
| **Tab**, **shift+Tab** | move between fields and buttons |
| **↑ ↓** | step the focused amount by 1,000 yuan (a percentage by 1) |
| **PgUp PgDn** | step it by 10,000 yuan (a percentage by 5) |
| **Enter** | in an amount: go to the next field; on a button: press it |
| **F8** (or **ctrl+n** in a terminal) | end the week (in the cockpit); a browser keeps ctrl+n for a new window |
| **F2** | history: GMV and GPM so far, every plan |
| **F4** | coaching on or off: the coach's tips and the marginal returns |
| **1**, **2**, **3** | on the results: the glossary entry of a coach's tip |
| **↑ ↓ PgUp PgDn** | on the results: scroll them when they do not fit the window |
| **w** | on the results: each cause of the week's GMV (the week replayed without it), or what moved since last week |
| **d** | at the end of a game: the debrief; **x** there exports it |
| **Esc** | back, or close this help |
| **q**, **ctrl+q** | quit (asks first while a game is in progress) |

Everything works with the mouse as well: click fields, buttons and the KOL list.""")


def help_markdown() -> str:
    """The help as Markdown: how to play, the glossary, the principles (headed by their
    names, which the coach's tips link to) and the keys."""
    names, bodies = _m("PRINCIPLE"), _m("HELP_PRINCIPLE")
    principles = "\n\n".join(f"## {names[pid]}\n\n{body}" for pid, body in bodies.items())
    return "\n\n".join([_m("HELP_HOW"), _m("HELP_GLOSSARY"), f"# {_m('HELP_PRINCIPLES')}", principles,
                         _m("HELP_KEYS")]) + "\n"


def sentences(items) -> str:
    """Whole sentences one after the other, as the language runs them on (a space in English)."""
    out = ""
    for item in items:
        out = _m("SENTENCES").format(first=out, second=item) if out else item
    return out


def debrief_facts(facts: dict, scenario) -> list[str]:
    """What a finished game showed (trainer.core.debrief.Debrief.facts), one sentence each:
    the same for the debrief screen and the exported reports. The KOL's fit is left out when
    no KOL was booked."""
    if not facts:
        return []
    shares = listing(_m("DEBRIEF_SHARE").format(letter=POSITION_LETTER[p], share=pct(facts["share_" + p]))
                     for p in ("field", "alliance", "campaign", "top_kol"))
    shown = {
        "gpm_first": gpm(facts["gpm_first"]), "gpm_last": gpm(facts["gpm_last"]),
        "benchmark": gpm(scenario.market.gpm_benchmark),
        "pool_first": times(facts["pool_first"]), "pool_last": times(facts["pool_last"]),
        "fans_first": money(facts["fans_first"]), "fans_last": money(facts["fans_last"]),
        "shares": shares, "share_strengths": pct(facts["share_strengths"]),
        "refund_rate_max": pct(facts["refund_rate_max"], 1), "rating_min": rating(facts["rating_min"]),
        "kol_fit_mean": ratio(facts["kol_fit_mean"]),
        "awareness_first": level(facts["awareness_first"]), "awareness_last": level(facts["awareness_last"]),
    }
    return [text.format(**shown) for key, text in _m("DEBRIEF_FACTS")
            if not (key == "kol" and facts["kol_fit_mean"] == 0)]


def said(what) -> str:
    """What the core says is wrong (trainer.core.problems.Said: a code and values) in the language
    in force; a sentence a level's own check wrote, as it is; "" for None."""
    from trainer.core.problems import TEMPLATES, Said

    if isinstance(what, Said):
        values = {key: said(value) if isinstance(value, Said) else _language_value(value) for key, value in what.items}
        template = TEMPLATES[what.code]
        if isinstance(template, tuple):  # a plural: the language's own rule picks the form for n
            return i18n.ngettext(*template, values.get("n", 0)).format(**values)
        return _(template).format(**values)
    return "" if what is None else str(what)


def _language_value(value):
    """A problem's value naming a language (trainer.core.languages) as the reader reads it:
    Language("zh") -> Chinese (中文); LanguageList -> "en (English), zh (Chinese)"; else as it is."""
    from trainer.core.languages import Language, LanguageList

    if isinstance(value, Language):
        return i18n.language_name(value)
    if isinstance(value, LanguageList):
        return ", ".join(f"{code} ({i18n.language_name(code)})" for code in value)
    return value


def problem_line(problem) -> str:
    """A file's problem (trainer.core.loading.Problem) as PATH:LINE: key: what is wrong, the
    form editors jump to, in the language in force."""
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    key = _m("PROBLEM_PLACES").get(problem.key, problem.key)  # (file), (syntax): no key of the file's
    return f"{where}: {key}: {said(problem.said)}" if key else f"{where}: {said(problem.said)}"


PROBLEM_PLACES = {  # where a problem is when it is no key of the file
    "(file)": N_("(file)"),
    "(syntax)": N_("(syntax)"),
}


def error_text(exc: BaseException) -> str:
    """An error a player or an author reads, in the language in force: a save that cannot be
    read or written (SaveError), a file's problems (FileProblems), else the error's own words."""
    problem = getattr(exc, "problem", None)
    if problem is not None and hasattr(problem, "said"):
        return problem_line(problem)
    problems = getattr(exc, "problems", None)
    if isinstance(problems, list) and problems and all(hasattr(p, "said") for p in problems):
        return "\n".join(problem_line(p) for p in problems)
    return str(exc)


def objective_title(objective) -> str:
    """An objective's name: the level's label (in the level's language), else its metric's name."""
    return objective.label or _m("METRIC_LABEL").get(objective.metric, objective.metric)


def metric_value(metric: str, x: float) -> str:
    """An objective's metric, written as that metric is read."""
    if metric in ("gmv", "net_gmv", "profit", "fans"):
        return money(x)
    if metric == "gpm":
        return gpm(x)
    if metric == "rating":
        return rating(x)
    if metric == "awareness":
        return level(x)
    return ratio(x)


def thresholds(metric: str, values: list[float]) -> str:
    """An objective's star thresholds: 1,200,000 / 1,600,000 / 2,000,000."""
    return " / ".join(metric_value(metric, v) for v in values)


def weeks(turns: list[int]) -> str:
    """Weeks an event runs: 5, or 9-10, or 3, 7."""
    if len(turns) > 1 and turns == list(range(turns[0], turns[-1] + 1)):
        return f"{turns[0]}–{turns[-1]}"
    return ", ".join(str(t) for t in turns)


# --- translated when read ---------------------------------------------------------------


# Every constant above that holds marked messages leaves the module's namespace for _TEXT:
# reading M.NAME goes through __getattr__, which translates it into the language in force.
_TEXT, __getattr__, __dir__ = i18n.translated_when_read(globals())
