"""`fact-trainer new ID`: a commented starter scenario that validates and plays."""

from __future__ import annotations

STARTER = '''\
{schema}# A new FACT Trainer level. Check it with:   fact-trainer validate {path}
# Try it with the reference players:       fact-trainer balance {path}
# Every key is explained in docs/authoring.md.

id = "{id}"
title = "{title}"
difficulty = "easy"                  # tutorial, easy, medium, hard or expert
teaches = ["F as the base, A as the amplifier"]
turns = {weeks}                            # weeks
budget = 60000                       # yuan per turn, or a list with one amount per turn
seed = 1                             # the market's luck; a workshop can set its own
briefing = """
# {title}

Who the brand is, what the market is like this season, and what the player must achieve.
"""

[brand]
name = "My Brand"
category = "{category}"                  # KOLs of the same category fit better
tone = "playful"                     # ...and of the same tone
price = 59                           # average order value at list price, yuan
margin = 45                          # gross margin, percent
fans = 1000
strengths = {{ content = 40, brand = 35, product = 55, price = 50 }}

[market]
gpm_benchmark = 280                  # the category GPM the recommender compares the store with

{events}{kols}[creators]
count = 20
commission = [10, 30]                # the range a player may offer, percent
default_commission = 15

[[objectives]]
metric = "gmv"
label = "GMV over {weeks_words}"
stars = [{one}, {two}, {three}]
weight = 2

[[objectives]]
metric = "rating"
stars = [4.3, 4.6, 4.8]

[[lessons]]
text = "A balanced FACT portfolio beats going all-in on self-broadcast"
better = "balanced"
worse = "all_in_field"

[[lessons]]                           # proven against the best plan: fact-trainer balance {path} --lessons
text = "F is the base: without a live room even the best plan scores clearly less"
remove = "field"
margin = 0.05
'''


EVENT = '''[[events]]
name = "{name}"
turns = [{week}]
traffic = 2.5                        # campaign reach multiplier in the event
competition = 0.5                    # 0 to 1: how much price strength decides the campaign

'''

KOLS = (
    # (id, name, fee, audience, categories, tone, commission): the first fits the brand, the
    # second is a star of another world (reach without buyers), the third a small niche voice
    ("{category}-sister", "{Category} Sister", 40000, 400000, ["{category}"], "playful", 20),
    ("big-star", "Big Star (pop singer)", 55000, 900000, ["entertainment"], "glamorous", 10),
    ("corner-critic", "Corner Critic", 15000, 120000, ["{category}"], "expert", 15),
)

KOL = '''[[kols]]
id = "{id}"
name = "{name}"
fee = {fee}                          # yuan for a standard slot
audience = {audience}                    # impressions a standard slot brings
categories = {categories}
tone = "{tone}"
commission = {commission}                      # percent of the GMV the KOL sells

'''

WEEKLY_STARS = (187500, 250000, 312500)
"""The GMV stars of an eight-week starter, per week: the lines scale with the weeks."""

NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve")


def starter(scenario_id: str, path: str, category: str = "snacks", weeks: int = 8,
            events: list[int] | None = None, kols: int = 1, schema: str | None = None) -> str:
    """The text of a starter scenario with this id: `weeks` weeks, a platform event in each of
    `events` (default: one three quarters of the way), the first `kols` of the KOL roster (a
    fitting one, an off-fit star, a niche voice), a brand of `category`. `schema` is the
    path of the JSON Schema for the `#:schema` line editors read (none: no such line)."""
    title = scenario_id.replace("-", " ").replace("_", " ").capitalize()
    if events is None:
        events = [round(weeks * 3 / 4)]
    event_text = "".join(EVENT.format(name=f"{category.capitalize()} Festival" if i == 0 else
                                      f"{category.capitalize()} Festival {i + 1}", week=w)
                         for i, w in enumerate(sorted(events)))
    kol_text = ""
    for kol_id, name, fee, audience, cats, tone, commission in KOLS[:kols]:
        slug = category.lower().replace(" ", "-")
        kol_text += KOL.format(id=kol_id.format(category=slug), name=name.format(Category=category.capitalize()),
                               fee=fee, audience=audience,
                               categories="[" + ", ".join(f'"{c.format(category=category)}"' for c in cats) + "]",
                               tone=tone, commission=commission)
    one, two, three = (round(w * weeks, -4) for w in WEEKLY_STARS)
    words = f"{NUMBER_WORDS[weeks - 1]} weeks" if weeks <= len(NUMBER_WORDS) else f"{weeks} weeks"
    return STARTER.format(id=scenario_id, title=title, path=path, weeks=weeks, category=category,
                          events=event_text, kols=kol_text, one=one, two=two, three=three,
                          weeks_words=words if weeks > 1 else "one week",
                          schema=f"#:schema {schema}\n" if schema else "")
