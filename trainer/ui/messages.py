"""Every piece of text a player reads, in one place (a translation replaces this module).

Screens and widgets take their words from here, never from literals of their own.
Formatting helpers live here too: how a number is written (thousands separators,
decimals) is part of the language. They only format what the core computed; they
never compute a game figure.

Imports nothing heavy: the title screen needs it at launch.
"""

from __future__ import annotations

# --- formatting ---------------------------------------------------------------------


def money(x: float) -> str:
    """Yuan, rounded to whole yuan, with thousands separators: 12,345."""
    return f"{round(x):,}"


def signed_money(x: float) -> str:
    """Yuan with a sign: +12,345 or −4,321."""
    r = round(x)
    return f"+{r:,}" if r >= 0 else f"−{-r:,}"


def signed_gpm(x: float) -> str:
    """A GPM change with a sign: +3.2 or −1.4."""
    r = round(x, 1)
    return f"+{r:,.1f}" if r >= 0 else f"−{-r:,.1f}"


def signed_short(x: float) -> str:
    """A large change in few characters, with a sign: +12.3k or −950."""
    return ("+" if x >= 0 else "−") + short(abs(x))


def short(x: float) -> str:
    """A large figure in few characters: 950, 12.3k, 1.24M."""
    a = abs(x)
    if a >= 1_000_000:
        return f"{x / 1_000_000:.2f}M"
    if a >= 10_000:
        return f"{x / 1000:.1f}k"
    return f"{round(x):,}"


def gpm(x: float) -> str:
    """A GPM figure: yuan per 1,000 impressions, one decimal."""
    return f"{x:,.1f}"


def ratio(x: float) -> str:
    """A ratio such as ROI: two decimals."""
    return f"{x:.2f}"


def times(x: float) -> str:
    """A multiplier: x1.17."""
    return f"x{x:.2f}"


def pct(x: float, decimals: int = 0) -> str:
    """A fraction as a percentage: 0.14 -> 14%."""
    return f"{x * 100:.{decimals}f}%"


def percent_value(x: float) -> str:
    """A value already in percent (commission, discount): 15 -> 15%."""
    return f"{x:g}%"


def score_points(x: float) -> str:
    """Score points, whole."""
    return f"{round(x):,}"


def level(x: float) -> str:
    """A 0..100 strength or awareness, one decimal."""
    return f"{x:.1f}"


def rating(x: float) -> str:
    """A store rating, two decimals."""
    return f"{x:.2f}"


def save_date(stamp: str) -> str:
    """A save's UTC time stamp (2024-05-01T12:30:00Z) as 2024-05-01 12:30 UTC."""
    if len(stamp) >= 16 and stamp[10] == "T":
        return f"{stamp[:10]} {stamp[11:16]} UTC"
    return stamp


def stars(n: int, of: int = 3) -> str:
    """Stars earned out of `of`: ★★☆."""
    return "★" * n + "☆" * max(0, of - n)


# --- the app ------------------------------------------------------------------------

APP_TITLE = "FACT Trainer"
APP_SUBTITLE = "interest e-commerce, one week a turn"
PROMISE = "Run a brand on a short-video platform and learn why GPM, not ROI, earns the traffic."
FACT_LINE = "F self-broadcast  ·  A creator alliance  ·  C platform campaigns  ·  T top KOLs"

TOO_SMALL = "FACT Trainer needs a terminal of at least {min_w} × {min_h}.\nThis one is {w} × {h}: make the window larger."

QUIT_QUESTION = "Quit FACT Trainer?"
QUIT_IN_PROGRESS = "Week {turn} of {turns} of “{title}” is in progress. Every week played is saved: Continue picks it up."
QUIT_NOT_SAVED = "Week {turn} of {turns} of “{title}” is in progress. The last save failed, so recent weeks may be lost."
QUIT_YES = "Quit"
QUIT_NO = "Keep playing"

# bindings: descriptions shown in the Footer and the keys panel
KEY_QUIT = "Quit"
KEY_HELP = "Help"
KEY_BACK = "Back"
KEY_NEW_GAME = "New game"
KEY_SCENARIOS = "Scenarios"
KEY_START = "Start"
KEY_END_TURN = "End turn"
KEY_HISTORY = "History"
KEY_NEXT = "Next week"
KEY_FINAL = "Final score"
KEY_STEP_UP = "+1,000"
KEY_STEP_DOWN = "−1,000"
KEY_STEP_UP_PCT = "+1%"
KEY_STEP_DOWN_PCT = "−1%"
KEY_BIG_UP = "+10,000"
KEY_BIG_DOWN = "−10,000"
KEY_CLEAR = "Clear plan"
KEY_PLAY_AGAIN = "Play again"
KEY_CLOSE = "Close"
KEY_CONTINUE = "Continue"
KEY_LOAD = "Load"
KEY_DELETE = "Delete"
KEY_COACH = "Coaching"
KEY_WHY = "Why"
KEY_SCROLL = "Scroll"
KEY_DEBRIEF = "Debrief"
KEY_EXPORT = "Export"

# command palette
CMD_NEW_GAME = ("New game", "Start the first scenario (or the one given on the command line)")
CMD_SCENARIOS = ("Choose a scenario", "Every shipped scenario, with what it teaches")
CMD_HELP = ("How to play", "How to play, the FACT glossary and the keys")
CMD_HISTORY = ("History", "GMV and GPM over the weeks so far, and every plan")
CMD_END_TURN = ("End turn", "Play this week's plan")
CMD_TITLE = ("Title screen", "Back to the title screen")
CMD_CONTINUE = ("Continue", "The latest saved game")
CMD_LOAD = ("Load a game", "Every saved game: load one, or delete one")
CMD_COACH_OFF = ("Coaching off", "Hide the coach's tips and the marginal returns")
CMD_COACH_ON = ("Coaching on", "Show the coach's tips and the marginal returns")

# --- title --------------------------------------------------------------------------

TITLE_NEW = "New game"
TITLE_CONTINUE = "Continue"
TITLE_CONTINUE_HINT = "No saved game yet."
TITLE_CONTINUE_LOOKING = "Looking for saved games…"
TITLE_CONTINUE_WHAT = "{player} · {scenario} · {turn} wk"
TITLE_LOAD = "Load a game"
TITLE_SCENARIOS = "Scenarios"
TITLE_HELP = "How to play"
TITLE_QUIT = "Quit"
TITLE_NO_SCENARIO = "No playable scenario was found. Run `fact-trainer list` to see which files were skipped and why."
TITLE_STARTS = "New game starts: {title}"

# --- scenario picker ----------------------------------------------------------------

PICKER_TITLE = "Choose a scenario"
PICKER_ITEM = "{title}\n{difficulty} · {turns} weeks"
PICKER_BROKEN = "{name}\ndoes not load: {problem}"
PICKER_YOURS = "{title}\n{difficulty} · {turns} weeks · your level"
PICKER_BEST = " · finished, best {stars} {score}"
PICKER_SHADOWED = "{name}\nits id {id!r} is taken by an earlier level: play it with fact-trainer play PATH"
PICKER_FACTS = "{difficulty} · {turns} weeks · budget {budget} yuan a week"
PICKER_TEACHES = "What it teaches"
PICKER_OBJECTIVES = "Objectives"
PICKER_BRIEFING = "Briefing"
PICKER_PLAY = "Read the briefing"
PICKER_EMPTY = "No scenarios found."
DIFFICULTY = {
    "tutorial": "Tutorial",
    "easy": "Easy",
    "medium": "Medium",
    "hard": "Hard",
    "expert": "Expert",
}

# --- briefing -----------------------------------------------------------------------

BRIEF_START = "Start week 1"
BRIEF_BRAND = "{name} · {category} · {tone}"
BRIEF_STRENGTHS = "Starting strengths"
BRIEF_STATE = "Fans {fans} · rating {rating} · awareness {awareness}"
BRIEF_PRICE = "Order value {price} yuan · margin {margin}"
BRIEF_OBJECTIVES = "Objectives and stars"
BRIEF_THRESHOLDS = "★ {one}"
BRIEF_CALENDAR = "Event calendar"
BRIEF_EVENT = "Week {weeks}: {name} (campaign reach up to {reach} an ordinary week's, competition {competition})"
BRIEF_NO_EVENTS = "No platform events in this scenario."
BRIEF_KOLS = "Top KOLs"
BRIEF_KOL = "{name}: fee {fee}, fit {fit}"
BRIEF_BUDGET = "Budget: {budget} yuan a week, {turns} weeks"
BRIEF_STEPS = "Week by week"
BRIEF_STEP = "Week {week}. {text}"

# --- planning (the cockpit) ---------------------------------------------------------

POSITION_LETTER = {"field": "F", "alliance": "A", "campaign": "C", "top_kol": "T"}
POSITION_NAME = {
    "field": "Self-broadcast",
    "alliance": "Creator alliance",
    "campaign": "Campaigns",
    "top_kol": "Top KOLs",
}
POSITION_IN_TEXT = {"field": "self-broadcast", "alliance": "creator alliance", "campaign": "campaigns",
                    "top_kol": "top KOLs"}
POSITION_ROLE = {
    "field": "The base: steady sales, builds fans.",
    "alliance": "The amplifier: creators sell on commission.",
    "campaign": "The explosive field: huge in event weeks.",
    "top_kol": "The megaphone: reach and awareness, if the KOL fits.",
}
STRENGTH_NAME = {"content": "Content", "brand": "Brand", "product": "Product", "price": "Price"}
STRENGTH_ROLE = {
    "content": "Cheaper reach, better live streams.",
    "brand": "Easier conversion, better KOL results.",
    "product": "The source of conversion; weak goods come back.",
    "price": "Wins shoppers in campaigns under competition.",
}

PLAN_HEADER = "Week {turn}/{turns} · {brand} · budget {budget} · planned {spend} · left {left}"
PLAN_HEADER_OVER = "Week {turn}/{turns} · {brand} · budget {budget} · planned {spend} · over by {over}"
WORKER_FAILED_TITLE = "Something went wrong"
WORKER_REVIEW = "The review beside the reference players and the answer key"
WORKER_EXPORT = "Writing the report"
WORKER_SAVES = "Looking for your latest saved game"
WORKER_LEADERBOARD = "Reading the leaderboard"
WORKER_FAILED = "{what} could not be finished: {error}"
WORKER_FAILED_NOTE = ("Your game is safe: it is saved after every week. Close this and go on; if it happens "
                      "again, please report it with the text above.")
PLAN_BUDGET_DROPPED_TITLE = "A smaller budget this week"
PLAN_BUDGET_DROPPED = ("The budget fell from {before} to {now}: last week's plan is scaled down to fit, "
                       "every amount by the same share; commission and discount are kept.")
PLAN_BUDGET_DROPPED_ALL = ("The budget fell from {before} to {now}: last week's plan cannot fit, "
                           "so every amount starts at 0; commission and discount are back to their defaults.")
PLAN_HEADER_INCOMPLETE = "Week {turn}/{turns} · {brand} · budget {budget} · plan incomplete: see the field in red"
PLAN_POSITION_TITLE = "{letter} {name}"
PLAN_LAST_NONE = "No sales yet."
PLAN_LAST = "Last: GMV {gmv}"
PLAN_LAST_RATES = "GPM {gpm} ROI {roi}"
PLAN_FANS = "Fans: {fans}"
PLAN_CREATORS = "Creators: {creators}"
PLAN_FANS_NEXT = "Fans {now} → {after}"
PLAN_CREATORS_NEXT = "Creators {now} → {after}"
PLAN_CREATORS_FLOW = "+{joining} join, −{leaving} leave"
PLAN_CREATORS_TIP = ("Each week {churn} of the creators leave, paid or not. New ones join for the commission, "
                     "the support you put on A and a product worth selling, fewer as the pool nears its "
                     "capacity. With this plan: {joining} join, {leaving} leave.")
PLAN_STEP = "Week {week} step: {text}"
PLAN_BUDGET_AHEAD = "Budget ahead: {changes}"
PLAN_BUDGET_CHANGE = "{budget} from week {week}"
PLAN_BUDGET_SEP = ", "
PLAN_STRENGTH_NEXT = "→{after}"
PLAN_STRENGTH_TIP = ("{name}: {now} now, {after} next week. Every strength fades {fade} a week; an investment "
                     "closes part of the gap to 100, each yuan less than the one before. This plan's "
                     "investment adds {gain} points.")
PLAN_KOL_BOOKS = "{name}: {fee}, fit {fit}, {commission} commission"
PLAN_KOL_REPEAT = "Repeat: reach ÷{fatigue}"
PLAN_KOL_REPEAT_TIP = ("The brand booked a KOL lately: much of this audience has seen it already, so a booking "
                       "now reaches fewer new viewers (fresh reach ÷{fatigue}). A week or two apart, it recovers.")
PLAN_COMMISSION = "Commission %"
POSITION_SHORT = {"field": "Live room", "alliance": "Creators", "campaign": "Campaigns", "top_kol": "Top KOLs"}
PLAN_COMMISSION_RANGE = "{low}–{high}"
PLAN_EVENT = "{name}: C reach {reach}, competition {competition}."
PLAN_NO_EVENT = "No event this week."
PLAN_NEXT_EVENT = "Next: {name}, week {week}."
PLAN_NO_MORE_EVENTS = "No more events."
PLAN_KOL_AUTO = "Best fit"
PLAN_KOL_OPTION = "{name} · {fee} · fit {fit}"
PLAN_KOL_NONE = "No KOLs in this scenario."
PLAN_INVEST_TITLE = "Invest in strengths · offer"
PLAN_STRENGTH_LABEL = "{name} {value}"
PLAN_DISCOUNT = "Discount %"
PLAN_END_TURN = "End week {turn} ▸"
PLAN_HISTORY = "History"
PLAN_HELP = "Help"
PLAN_HINT = "Type yuan, or step with ↑ ↓ (PgUp PgDn ×10). Tab: next field."
PLAN_READY = "Plan ready: {spend} of {budget} yuan. End the week when you like."
PLAN_FIX_FIRST = "This plan cannot be played yet: {problem}"

# bad input: what was wrong, and what to do
BAD_EMPTY = "{field}: type an amount (0 spends nothing)."
BAD_EMPTY_PERCENT = "{field}: type a percentage (0 for none)."
BAD_NOT_NUMBER = "{field}: “{text}” is not an amount of yuan. Type digits only, e.g. 20000."
BAD_NOT_PERCENT = "{field}: “{text}” is not a percentage. Type a number, e.g. 15."
BAD_NEGATIVE = "{field}: amounts start at 0, “{text}” is negative."
BAD_TOO_BIG = "{field}: {text} is far more than any budget (at most {max} yuan)."
BAD_FRACTION = "{field}: whole yuan only, “{text}” has decimals."
BAD_BUDGET = "Over budget: this plan spends {spend} yuan but the week's budget is {budget} (over by {over}). Lower an amount."
BAD_KOL_FEE = "T: {kol} costs {fee} yuan a slot, but T has {amount}. Raise T to the fee or set it to 0."
BAD_KOL_NONE_AFFORDABLE = "T: {amount} yuan affords no KOL; the cheapest, {kol}, costs {fee}."
BAD_NO_KOLS = "T: this scenario has no KOLs to book; set T to 0."
BAD_COMMISSION = "Commission: {value} is outside this scenario's range, {low} to {high}."
BAD_DISCOUNT = "Discount: {value} must be between 0% and 90%."
BAD_UNKNOWN = "{message}"

FIELD_LABEL = {
    "field": "F",
    "alliance": "A",
    "campaign": "C",
    "top_kol": "T",
    "content": "Content",
    "brand": "Brand",
    "product": "Product",
    "price": "Price",
    "commission": "Commission",
    "discount": "Discount",
}

# --- turn results -------------------------------------------------------------------

RESULTS_TITLE = "Week {turn} of {turns}: results"
RESULTS_GMV = "GMV (yuan)"
RESULTS_GPM = "GPM (GMV per 1,000 impressions)"
RESULTS_LINE = "Net GMV after refunds {net} · ROI {roi} · profit {profit}"
RESULTS_BENCHMARK = "Category GPM benchmark: {benchmark}"
RESULTS_WHY = "Why: each cause, the week replayed without it (w: since last week)"
RESULTS_WHY_CHANGE = "What moved GMV and GPM since week {turn} (w: each cause)"
RESULTS_WHY_FIRST_WEEK = "Week 1 has no week before it: these are its causes."
RESULTS_NO_CHANGES = "Nothing moved since last week."
RESULTS_GPM_PART = "{gpm} GPM"
RESULTS_COACH = "Coach"
RESULTS_TIP_KEY = "[{n}]"
RESULTS_SAVED = "Saved to {path}"
RESULTS_NOT_SAVED = "Not saved: {problem}"
RESULTS_NO_REASONS = "Nothing stood out this week."
RESULTS_BY_POSITION = "By position and traffic source"
RESULTS_COLUMNS = ("", "Spend", "Impressions", "GPM", "GMV", "ROI")
RESULTS_ROW_RECOMMENDED = "Recommended"
RESULTS_ROW_FANS = "Fans"
RESULTS_ROW_TOTAL = "Total"
RESULTS_NONE = "—"
RESULTS_TRAFFIC = "Traffic: paid {paid} · recommended {recommended} · fans {fans} impressions"
RESULTS_CHANGES = "Before → after"
RESULTS_CHANGE_COLUMNS = ("", "Before", "After")
RESULTS_RATING = "Store rating"
RESULTS_FANS = "Fans"
RESULTS_AWARENESS = "Awareness"
RESULTS_POOL = "Traffic pool"
RESULTS_CREATORS = "Creators"
RESULTS_NEXT = "Next week ▸"
RESULTS_FINAL = "Final score ▸"
RESULTS_HISTORY = "History"

# the drivers, one sentence per kind of reason (values as the core names them)
REASON = {
    "pool_up": "Recommendation boost {pool}: last week's GPM beat the category benchmark ({signal}), so the recommender showed the store to more people.",
    "pool_down": "Recommendation pool shrank to {pool}: last week's GPM missed the category benchmark ({signal}).",
    "pool_level": "Recommendation pool at {pool}: the level earlier weeks' GPM earned.",
    "fans": "Fans bought again: {fans} fans, kept {activity} active by the live room.",
    "saturation": "Diminishing returns on {position}: {spend} yuan bought less than the first yuan's rate.",
    "carryover": "{position} kept working from earlier weeks: {impressions} impressions carried over.",
    "event": "{event}: campaign reach {multiplier} in the event week.",
    "price_competition_up": "Price strength won shoppers in {event} (campaign conversion {factor}).",
    "price_competition_down": "Weak price strength lost shoppers in {event} (campaign conversion {factor}).",
    "refunds": "Refunds: {rate} of GMV came back{parts}.",
    "refunds_product": "weak product +{x}",
    "refunds_discount": "deep discount +{x}",
    "throttle": "Traffic throttled to {throttle}: store rating {rating} is below the platform's line.",
    "kol_fit_good": "{kol} fits the brand well (fit {fit}): the audience buys.",
    "kol_fit_poor": "{kol} fits the brand poorly (fit {fit}): reach without buyers.",
    "kol_fatigue": "KOL audiences saw the brand lately (fatigue {fatigue}): fresh reach was smaller.",
    "discount": "Discount {discount}: orders {orders}, each at a lower price.",
    "auction_up": "Cheaper paid reach ({auction}): the ad auction favours a store that converts.",
    "auction_down": "Dearer paid reach ({auction}): the ad auction charges a store that converts poorly.",
    "luck": "Market luck this week: {luck}.",
    "strengths_up": "Strengths above the average (content {content}, brand {brand}, product {product}, price {price}) sold more.",
    "strengths_down": "Strengths below the average (content {content}, brand {brand}, product {product}, price {price}) sold less.",
    "awareness": "Brand awareness {awareness}: people who know the brand buy more readily ({factor} conversion).",
    "tags": "The account's tags are blurred ({tags} clear): mismatched viewers confused the recommender, so it aimed worse.",
    "started": "{position} started this week with {spend} yuan.",
    "stopped": "{position} stopped this week (it had {spend} yuan last week).",
    "provider_up": "{providers} ran {position} for you: its reach and conversion {factor}.",
    "provider_down": "{providers} on {position} held it back: reach and conversion {factor}.",
}
REASON_PROVIDER_NONE = "Hired agencies"


_R = REASON


def _position(name: str | None) -> str:
    if name is None:
        return ""
    return f"{POSITION_LETTER[name]} ({POSITION_IN_TEXT[name]})"


def sentence(reason, scenario) -> str:
    """One reason (trainer.core.explain.Reason) in plain words, with the figures the core gave.

    `scenario` names the KOLs and service providers. Pure: no Rich, no Textual, so that
    exported reports use the same words as the screens.
    """
    v = reason.values
    kind = reason.kind
    if kind == "pool":
        signal = v.get("signal")
        if signal is None:
            return _R["pool_level"].format(pool=times(v["pool"]))
        key = "pool_up" if signal >= 1.0 else "pool_down"
        return _R[key].format(pool=times(v["pool"]), signal=times(signal))
    if kind == "fans":
        return _R["fans"].format(fans=money(v["fans"]), activity=pct(v["activity"]))
    if kind == "saturation":
        return _R["saturation"].format(position=_position(reason.position), spend=money(v["spend"]))
    if kind == "carryover":
        return _R["carryover"].format(position=_position(reason.position), impressions=money(v["impressions"]))
    if kind == "event":
        return _R["event"].format(event=v["event"], multiplier=times(v["multiplier"]))
    if kind == "price_competition":
        key = "price_competition_up" if v["factor"] >= 1.0 else "price_competition_down"
        return _R[key].format(event=v["event"], factor=times(v["factor"]))
    if kind == "refunds":
        parts = []
        if v.get("product"):
            parts.append(_R["refunds_product"].format(x=pct(v["product"], 1)))
        if v.get("discount"):
            parts.append(_R["refunds_discount"].format(x=pct(v["discount"], 1)))
        return _R["refunds"].format(rate=pct(v["rate"], 1), parts=f" ({', '.join(parts)})" if parts else "")
    if kind == "throttle":
        return _R["throttle"].format(throttle=pct(v["throttle"]), rating=rating(v["rating"]))
    if kind == "kol_fit":
        kol = scenario.kol(v["kol"])
        key = "kol_fit_good" if v["fit"] >= 0.5 else "kol_fit_poor"
        return _R[key].format(kol=kol.name if kol else v["kol"], fit=ratio(v["fit"]))
    if kind == "kol_fatigue":
        return _R["kol_fatigue"].format(fatigue=ratio(v["fatigue"]))
    if kind == "provider":
        names = []
        for pid in v.get("providers", []):
            p = scenario.provider(pid)
            if p is not None and p.position == reason.position:
                names.append(p.name)
        key = "provider_up" if v["factor"] >= 1.0 else "provider_down"
        return _R[key].format(providers=", ".join(names) or REASON_PROVIDER_NONE, position=_position(reason.position),
                             factor=times(v["factor"]))
    if kind == "discount":
        return _R["discount"].format(discount=pct(v["discount"]), orders=times(v["orders"]))
    if kind == "auction":
        key = "auction_up" if v["auction"] >= 1.0 else "auction_down"
        return _R[key].format(auction=times(v["auction"]))
    if kind == "luck":
        return _R["luck"].format(luck=times(v["luck"]))
    if kind == "strengths":
        key = "strengths_up" if reason.gmv >= 0 else "strengths_down"
        return _R[key].format(**{k: f"{x:.0f}" for k, x in v["strengths"].items()})
    if kind == "awareness":
        return _R["awareness"].format(awareness=f"{v['awareness']:.0f}", factor=times(v["factor"]))
    if kind == "tags":
        return _R["tags"].format(tags=pct(v["tags"]))
    if kind in ("started", "stopped"):
        return _R[kind].format(position=_position(reason.position), spend=money(v["spend"]))
    return kind


# the causes of a change since last week (trainer.core.explain.Change): kind/cause
CHANGE = {
    "position/spend": "{position}: spend {spend_before} → {spend_after} yuan, {impressions_before} → {impressions_after} impressions.",
    "position/started": "{position} started: {spend_after} yuan bought {impressions_after} impressions.",
    "position/stopped": "{position} stopped: {spend_before} yuan last week; {impressions_after} impressions still came from earlier spend.",
    "position/reach": "{position}: reach {impressions_before} → {impressions_after} impressions on the same kind of spend (carryover, auction, event or throttle).",
    "position/conversion": "{position}: GPM {gpm_before} → {gpm_after}: conversion moved (strengths, fit, discount or luck).",
    "recommended/pool": "Recommended traffic: pool {pool_before} → {pool_after}, {impressions_before} → {impressions_after} impressions.",
    "recommended/conversion": "Recommended traffic converted differently ({impressions_before} → {impressions_after} impressions): strengths, discount or luck.",
    "fans/fans": "Fans buying again: {fans_before} → {fans_after} fans.",
    "fans/activity": "Fans' activity {activity_before} → {activity_after}: the live room keeps fans buying.",
    "refunds/refunds": "Refunds: rate {rate_before} → {rate_after} of GMV.",
}


def change_sentence(change) -> str:
    """One change since last week (trainer.core.explain.Change) in plain words."""
    v = change.values
    key = f"{change.kind}/{change.cause}"
    if change.kind == "position" and change.cause not in ("spend", "reach", "conversion", "started", "stopped"):
        key = "position/conversion"
    text = CHANGE.get(key)
    if text is None:
        return key
    figures = {}
    for name, value in v.items():
        if name.startswith(("spend_", "impressions_")):
            figures[name] = short(value)
        elif name.startswith("gpm_"):
            figures[name] = gpm(value)
        elif name.startswith("pool_"):
            figures[name] = times(value)
        elif name.startswith("fans_"):
            figures[name] = money(value)
        elif name.startswith(("activity_", "rate_")):
            figures[name] = pct(value, 1 if name.startswith("rate_") else 0)
    return text.format(position=_position(change.position), **figures)


# --- the coach ----------------------------------------------------------------------

PRINCIPLE = {
    "field_is_the_base": "F is the base",
    "fit": "Fit beats fame",
    "marginal_returns": "Marginal returns",
    "quality_gmv": "Quality GMV",
    "price_strength": "Price strength wins events",
    "gpm_over_roi": "GPM over ROI",
}


def tip_sentence(tip, scenario) -> str:
    """A coach's tip (trainer.core.coach.Tip) in plain words, with the figures behind it."""
    v = tip.values
    if tip.id == "no_field":
        return TIP["no_field"].format(turns=v["turns"], fans=money(v["fans"]), fan_gmv=money(v["fan_gmv"]))
    if tip.id == "poor_fit":
        kol = scenario.kol(v["kol"])
        text = TIP["poor_fit"].format(kol=kol.name if kol else v["kol"], fit=ratio(v["fit"]))
        if v.get("better"):
            better = scenario.kol(v["better"])
            text += " " + TIP["poor_fit_better"].format(kol=better.name if better else v["better"],
                                                        fit=ratio(v["better_fit"]))
        return text
    if tip.id == "saturation":
        return TIP["saturation"].format(saturated=_position(v["saturated"]), saturated_per_yuan=ratio(v["saturated_per_yuan"]),
                                        cheap=_position(v["cheap"]), cheap_per_yuan=ratio(v["cheap_per_yuan"]))
    if tip.id == "deep_discount":
        return TIP["deep_discount"].format(discount=percent_value(v["discount"]), threshold=percent_value(v["threshold"]),
                                           refund_rate=pct(v["refund_rate"], 1), rating=rating(v["rating"]))
    if tip.id == "event_without_price":
        if v.get("coming"):
            return TIP["event_coming"].format(event=v["event"], price=level(v["price"]),
                                              competition=ratio(v["competition"]))
        return TIP["event_lost"].format(event=v["event"], price=level(v["price"]),
                                        factor=times(v.get("price_factor", 1.0)))
    if tip.id == "roi_over_gpm":
        return TIP["roi_over_gpm"].format(gpm=gpm(v["gpm"]), benchmark=gpm(v["benchmark"]), pool=times(v["pool"]),
                                          roi=ratio(v["roi"]))
    if tip.id == "weak_product":
        return TIP["weak_product"].format(product=level(v["product"]), line=level(v["line"]),
                                          refund_product=pct(v["refund_product"], 1))
    return tip.id


TIP = {
    "no_field": "No self-broadcast for {turns} weeks: {fans} fans brought only {fan_gmv} yuan. The live room keeps fans buying and builds the base every other position stands on.",
    "poor_fit": "{kol} fits the brand poorly (fit {fit}): reach without buyers.",
    "poor_fit_better": "{kol} fits at {fit}.",
    "saturation": "The next yuan on {saturated} brings {saturated_per_yuan} GMV; on {cheap} it brings {cheap_per_yuan}. Move money to where it works hardest.",
    "deep_discount": "A {discount} discount is past the {threshold} line: refunds reached {refund_rate} and the rating is {rating}. Invest in product or price strength instead of cutting the price.",
    "event_coming": "{event} starts next week with competition {competition}, and price strength is only {price}: invest in price before it.",
    "event_lost": "In {event} weak price strength ({price}) cut campaign conversion to {factor}: invest in price before the next event.",
    "roi_over_gpm": "GPM {gpm} is under the benchmark {benchmark} and the pool fell to {pool}. ROI {roi} looks fine, but without content or product investment the snowball melts: build GPM.",
    "weak_product": "Product strength {product} is under the quality line {line}: weak goods added {refund_product} refunds. Invest in product.",
}

PLAN_MARGINAL = "Next 10%: {gmv}"
PLAN_MARGINAL_RATE = "{per_yuan} GMV/yuan"
PLAN_MARGINAL_KOL = "Booking: {gmv}"
PLAN_MARGINAL_KOL_WHO = "{name}, fee {fee}"
PLAN_PROVIDERS = "Hire agencies:"
PLAN_PROVIDER_SHORT = "{name} ({letter}) {fee}"
PLAN_PROVIDER_TIP = ("{name} runs {position} for you this week. Fee {fee} yuan from the budget; "
                     "reach {reach}, conversion {conversion}; knows {track} (half the effect in another category).")
PLAN_PROVIDER_ANY_TRACK = "every category"

# --- history ------------------------------------------------------------------------

HISTORY_TITLE = "History: {turns_played} of {turns} weeks"
HISTORY_GMV = "GMV by week · best {best}"
HISTORY_GPM = "GPM by week · benchmark {benchmark} ┊"
HISTORY_WEEK = "W{turn}"
HISTORY_EMPTY = "No week played yet: the charts fill in as you play."
HISTORY_PLANS = "Plans and results"
HISTORY_COLUMNS = ("Week", "F", "A", "C", "T", "KOL", "Content", "Brand", "Product", "Price", "Comm.", "Disc.",
                   "GMV", "GPM", "ROI")
HISTORY_KOL_NONE = "—"

# --- end of game --------------------------------------------------------------------

END_TITLE = "Game over: {title}"
END_SCORE = "Final score"
END_STARS = "Stars"
END_TOTALS = "Total GMV {gmv} · GPM {gpm} · net GMV {net} · profit {profit}"
END_OBJECTIVES = "Objectives"
END_COLUMNS = ("Objective", "Result", "Stars", "★ / ★★ / ★★★", "Points")
END_MET = "met"
END_MISSED = "missed"
END_HOW_MEAN = "The final score is the mean of the objectives' points."
END_HOW_WEIGHTED = "The final score is the objectives' points averaged by weight ({weights})."
END_HOW_WEIGHT = "{title} ×{weight}"
END_HOW_STARS = ("The stars are the fewest any objective earned. Points: 1,000 at an objective's "
                 "three-star line, rising more slowly above it.")
END_VERDICT = {
    0: "No star yet: read why each week went as it did, and try again.",
    1: "One star: a start. Look at GPM, not only spend.",
    2: "Two stars: a solid store. One objective fell short of the top.",
    3: "Three stars: every objective met in full.",
}
END_PLAY_AGAIN = "Play again"
END_DEBRIEF = "Debrief ▸"
END_OTHER = "Another scenario"
END_TITLE_SCREEN = "Title screen"

# --- saves --------------------------------------------------------------------------

NAME_TITLE = "Your name"
NAME_PROMPT = "It goes on your saved game (one file per game) and on a workshop's leaderboard."
NAME_PLACEHOLDER = "e.g. Li Na"
NAME_EMPTY = "Type a name (letters or digits): an empty name cannot label a saved game."
NAME_OK = "Start"
NAME_CANCEL = "Cancel"

SAVE_FAILED_TITLE = "Not saved"
SAVE_FAILED = "{problem}"

LOAD_TITLE = "Saved games"
LOAD_COLUMNS = ("Player", "Scenario", "Weeks", "GMV", "Score", "Saved")
LOAD_EMPTY = "No saved games in {folder}. New game starts one; it is saved after every week."
LOAD_DAMAGED = "damaged"
LOAD_FOLDER = "Folder: {folder}"
LOAD_DETAIL = "{path}"
LOAD_DETAIL_DAMAGED = "{path} cannot be loaded: {problem}"
LOAD_OPEN = "Load"
LOAD_DELETE = "Delete…"
LOAD_BACK = "Back"
LOAD_CANNOT = "This save cannot be loaded: {problem}"

DELETE_QUESTION = "Delete this saved game?"
DELETE_WHAT = "{player} · {scenario} · {turns} weeks played\n{path}\nThe file and its backup are deleted for good."
DELETE_YES = "Delete"
DELETE_NO = "Keep it"
DELETE_FAILED = "{path} could not be deleted ({reason}): check the folder's permissions; the file is as it was."
DELETED = "Deleted {path}."

LOAD_PROBLEM_TITLE = {
    "edited": "This save was changed by hand",
    "scenario_changed": "The scenario has changed since this game was saved",
    "model_changed": "The market model has changed since this game was saved",
    "partial": "This save is incomplete",
}
LOAD_PROBLEM_INTRO = "{path}\nThe game was replayed from its decisions. What did not match:"
LOAD_PROBLEM_CHOICE = "Continue from the replayed game (week {turn}, the file is saved again after your next week), or start again."
LOAD_CONTINUE = "Continue"
LOAD_RESTART = "Start again"
LOAD_ERROR_TITLE = "This save cannot be loaded"
LOAD_ERROR_NOTE = "The file was not changed."
OK = "OK"

# --- workshop -----------------------------------------------------------------------

WORKSHOP_WELCOME = "Welcome to the workshop. Type your name or your team's name to join."
WORKSHOP_NAME = "Name or team"
WORKSHOP_CODE = "Access code"
WORKSHOP_CODE_PROMPT = "The facilitator gives the access code."
WORKSHOP_CODE_PLACEHOLDER = "the code on the screen or the board"
WORKSHOP_JOIN = "Join"
WORKSHOP_NAME_EMPTY = "Type a name or a team name (letters or digits): it labels your games on the leaderboard."
WORKSHOP_CODE_EMPTY = "Type the access code the facilitator gave."
WORKSHOP_CODE_WRONG = "That access code is not this workshop's. Check it with the facilitator and type it again."
WORKSHOP_JOINED = "Playing as {name}"
WORKSHOP_ROUNDS = "Rounds"
WORKSHOP_ROUND = "{n}. {title} · {turns} weeks"
WORKSHOP_ROUND_DONE = "{n}. {title} · {turns} weeks · played"
WORKSHOP_RULES = "Same market for everyone (seed {seed}) · coach {coach} · marginal returns {marginal} · answer key {key}{timer}"
WORKSHOP_ON = "on"
WORKSHOP_OFF = "off"
WORKSHOP_KEY = {"after": "after the game", "never": "never"}
WORKSHOP_TIMER_RULE = " · {seconds} s a week"
WORKSHOP_PLAY = "Play this round"
WORKSHOP_PICK = "Pick a round (↑ ↓, Enter): play them in order; each is saved for the leaderboard."
WORKSHOP_NOT_HERE = "Not in a workshop: its games are the workshop's rounds, saved for the leaderboard."
WORKSHOP_COACH_OFF = "The workshop turns coaching off for this session."
CMD_ROUNDS = ("Rounds", "The workshop's rounds: pick the next one")

TIMER_LEFT = "{title} · {time} left"
TIMER_SOON = "{seconds} seconds left to plan this week."
TIMER_ENDED = "Time is up: week {turn} was played with the plan on screen."
TIMER_ENDED_LAST = "Time is up: the plan on screen could not be played ({problem}), so week {turn} was played with the last plan that could."

# --- live leaderboard (the facilitator's screen) ------------------------------------

LB_COLUMNS = ("#", "Name", "Round", "Week", "Score", "Stars", "GMV", "GPM")
LB_UNVERIFIED = "Not ranked: these saves do not verify"
LB_UNVERIFIED_COLUMNS = ("Name", "Round", "Weeks", "Why")
LB_FINISHED = "{turn} ✓"
LB_READING = "Reading the saves…"
LB_STATUS = "ranked: {games} · not verified: {unverified} · {folders}"
LB_UPDATED = " · updated {time}"
LB_REFRESH = "Refresh"

# --- --watch (scenario authors) -------------------------------------------------------

WATCH_RELOADED = "Reloaded {path}: “{title}” starts again from week 1."
WATCH_RELOADED_TITLE = "reloaded"
WATCH_PROBLEMS = "{path} changed but does not load; the game goes on with the last good version.\n{problems}"
WATCH_PROBLEMS_TITLE = "not reloaded"
WATCH_MORE = "… and {count} more (fact-trainer validate {path})"

# --- debrief ----------------------------------------------------------------------

DEBRIEF_TITLE = "Debrief: {title}"
DEBRIEF_LOADING = "Reviewing the game: replaying the reference players and searching for the answer key on your market seed…"
DEBRIEF_CHART_GMV = "GMV by week"
DEBRIEF_CHART_GPM = "GPM by week (benchmark {benchmark})"
DEBRIEF_CHART_SPEND = "Spend by position"
DEBRIEF_CHART_STRENGTHS = "Strengths after each week"
DEBRIEF_BENCHMARK = "benchmark"
DEBRIEF_WEEK = "week"
DEBRIEF_COMPARED = "You and the reference players, same market seed"
DEBRIEF_RANK = "Rank {rank} of {of}: you and the reference players."
DEBRIEF_RANK_KEY = "Rank {rank} of {of}: you, the reference players and the answer key."
DEBRIEF_COLUMNS = ("Player", "Score", "Stars", "GMV", "GPM")
DEBRIEF_YOU = "You ({player})"
DEBRIEF_PLAYER = {
    "balanced": "Balanced FACT heuristic",
    "roi_greedy": "ROI chaser (best ROI each week)",
    "even_split": "Even split",
    "answer_key": "Answer key (search)",
}
DEBRIEF_SWINGS = "The weeks that made and lost the most"
DEBRIEF_BEST = "Week {turn}: GMV {gmv} ({change} on the week before)"
DEBRIEF_NO_SWINGS = "No week stood out."
DEBRIEF_LESSONS = "What this level teaches, and what your game showed"
DEBRIEF_SHOWED = "What your game showed"
DEBRIEF_FACTS = (
    ("gpm", "GPM went from {gpm_first} in week 1 to {gpm_last} in the last week (benchmark {benchmark})."),
    ("pool", "The recommendation pool went from {pool_first} to {pool_last}."),
    ("fans", "Fans went from {fans_first} to {fans_last}."),
    ("shares", "Of the money spent: {shares}; strengths {share_strengths}."),
    ("quality", "Highest refund rate {refund_rate_max}; lowest store rating {rating_min}."),
    ("kol", "Mean fit of the KOLs booked: {kol_fit_mean}."),
    ("awareness", "Brand awareness went from {awareness_first} to {awareness_last}."),
)
DEBRIEF_EXPORT = "Export…"
DEBRIEF_BACK = "Back"
EXPORT_QUESTION = "Export the debrief"
EXPORT_WHAT = "A report of this game, written under {folder}."
EXPORT_FORMATS = {
    "md": "Markdown",
    "html": "HTML (to print or project)",
    "csv": "CSV (one row per week)",
    "json": "JSON (for other tools)",
}
EXPORT_WORKING = "Writing the {fmt} report…"
EXPORT_DONE = "Report written: {name}\nin the folder {folder}"
EXPORT_FAILED = "The report was not written: {problem}"

# --- help ---------------------------------------------------------------------------

HELP_TITLE = "How to play"
HELP_MARKDOWN = """\
# How to play

You run a brand's store on a short-video platform, **one week per turn**. Each week:

1. **Plan.** Split the week's budget across the four **positions** (F, A, C, T) and,
   if you like, invest in the brand's four **strengths**. Set the creators'
   commission and any discount. The cockpit shows what is left, and refuses a plan
   it cannot play, saying why.
2. **End the week.** The market plays it out.
3. **Read the results.** GMV and GPM first, then *why*: the week's main drivers in
   plain words. Next week starts from where this one left the store.

At the end the objectives decide the stars and the score.

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
| **Saturation** | The tenth yuan on one position buys less than the first. |

# The principles the coach names

## F is the base

Self-broadcast is the store's own live room: steady daily sales at a cost under your
control, and the place where **fans** accumulate. Fans come back and buy without paid
reach. Whatever else a brand does, F carries it: a week without it loses this week's
fans and next month's.

## Fit beats fame

A top KOL's reach only sells when the KOL's audience is the brand's audience. A
well-fitting creator of middle size beats a famous one of another category or tone:
the fit figure says how well the audience buys.

## Marginal returns

Every position saturates: the tenth yuan buys less reach than the first. Put the next
slice of budget where it adds the most GMV *now*: the cockpit shows what the next 10%
of the budget would bring on each position (switch it off with **F4**).

## Quality GMV

The platform puts governance before GMV. Weak goods and deep discounts bring refunds;
refunds pull the store rating down, and a low rating throttles traffic. GMV that stays
sold, from good goods at good prices, is the only GMV that counts.

## Price strength wins events

Campaign weeks bring huge traffic and fierce competition: shoppers compare. Price
strength, built in the weeks before, decides how much of an event's traffic converts.

## GPM over ROI

ROI judges a yuan by what it sells this week. The recommender judges the store by
**GPM**, GMV per 1,000 impressions: above the category benchmark it grows the free
traffic pool (the snowball), below it the pool shrinks. Content and product
investment build GPM; chasing each week's ROI lets it melt.

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

Everything works with the mouse as well: click fields, buttons and the KOL list.
"""


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
