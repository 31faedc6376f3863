"""The councils a generated dataset holds: real LA codes, synthetic sizes."""

import random

from safeguard.journey.generate.council import Council
from safeguard.journey.generate.rates import DEFAULT_LA

# The 152 English councils with children's services in 2016-17, by DfE (old) LA code.
LA_CODES = (
    "201", "202", "203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213",
    "301", "302", "303", "304", "305", "306", "307", "308", "309", "310", "311", "312", "313",
    "314", "315", "316", "317", "318", "319", "320", "330", "331", "332", "333", "334", "335",
    "336", "340", "341", "342", "343", "344", "350", "351", "352", "353", "354", "355", "356",
    "357", "358", "359", "370", "371", "372", "373", "380", "381", "382", "383", "384", "390",
    "391", "392", "393", "394", "420", "800", "801", "802", "803", "805", "806", "807", "808",
    "810", "811", "812", "813", "815", "816", "821", "822", "823", "825", "826", "830", "831",
    "835", "836", "837", "840", "841", "845", "846", "850", "851", "852", "855", "856", "857",
    "860", "861", "865", "866", "867", "868", "869", "870", "871", "872", "873", "874", "876",
    "877", "878", "879", "880", "881", "882", "883", "884", "885", "886", "887", "888", "889",
    "890", "891", "892", "893", "894", "895", "896", "908", "909", "916", "919", "921", "925",
    "926", "928", "929", "931", "933", "935", "936", "937", "938",
)  # fmt: skip

# How much councils differ when several are generated: sizes and referral intensity are
# lognormal around the given population and England's rates.
SIZE_SPREAD = 0.35
INTENSITY_SPREAD = 0.15


def councils_for(count: int, population: int, seed: int | str) -> list[Council]:
    """One council of `population` children (LA 884), or `count` councils (the first codes of
    LA_CODES) of `population` children on average, each its own size and referral intensity."""
    if not 1 <= count <= len(LA_CODES):
        raise ValueError(f"There are {len(LA_CODES)} councils: ask for 1 to {len(LA_CODES)}")
    if count == 1:
        return [Council(DEFAULT_LA, population)]
    rng = random.Random(f"{seed}/councils")
    sizes = [rng.lognormvariate(0, SIZE_SPREAD) for _ in range(count)]
    mean = sum(sizes) / count
    return [
        Council(
            la, max(1, round(population * size / mean)), rng.lognormvariate(0, INTENSITY_SPREAD)
        )
        for la, size in zip(LA_CODES[:count], sizes, strict=True)
    ]
