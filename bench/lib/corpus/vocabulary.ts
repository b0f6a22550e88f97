/** Fixed lists for the benchmark corpus: categories, people, outlets. */

export const CATEGORY_NAMES: { slug: string; en: string; tr: string }[] = [
  { slug: 'analysis', en: 'Analysis', tr: 'Analiz' },
  { slug: 'commentary', en: 'Commentary', tr: 'Yorum' },
  { slug: 'energy', en: 'Energy', tr: 'Enerji' },
  { slug: 'security', en: 'Security', tr: 'Güvenlik' },
  { slug: 'trade', en: 'Trade', tr: 'Ticaret' },
  { slug: 'migration', en: 'Migration', tr: 'Göç' },
  { slug: 'climate', en: 'Climate', tr: 'İklim' },
  { slug: 'economy', en: 'Economy', tr: 'Ekonomi' },
  { slug: 'diplomacy', en: 'Diplomacy', tr: 'Diplomasi' },
  { slug: 'defence', en: 'Defence', tr: 'Savunma' },
  { slug: 'technology', en: 'Technology', tr: 'Teknoloji' },
  { slug: 'transport', en: 'Transport', tr: 'Ulaştırma' },
  { slug: 'water', en: 'Water', tr: 'Su' },
  { slug: 'law', en: 'Law', tr: 'Hukuk' },
  { slug: 'elections', en: 'Elections', tr: 'Seçimler' },
  { slug: 'health', en: 'Health', tr: 'Sağlık' },
  { slug: 'education', en: 'Education', tr: 'Eğitim' },
  { slug: 'agriculture', en: 'Agriculture', tr: 'Tarım' },
  { slug: 'cities', en: 'Cities', tr: 'Şehirler' },
  { slug: 'media', en: 'Media', tr: 'Medya' },
]

export const FIRST_NAMES = [
  'Ayşe', 'Mehmet', 'Elif', 'Kerem', 'Zeynep', 'Emre', 'Selin', 'Murat', 'Deniz', 'Burak', 'Leyla', 'Ergün',
  'Nino', 'Giorgi', 'Dina', 'Arman', 'Aigerim', 'Daniel', 'Anna', 'Sophie', 'Jonas', 'Marta', 'Tomasz', 'Ines',
  'Farid', 'Nigar', 'Rustam', 'Gulnara', 'Oksana', 'Pavel', 'Hannah', 'Lucas', 'Amina', 'Omar', 'Yusuf', 'Sevda',
  'Cem', 'Ebru', 'Tarık', 'Gökçe', 'İpek', 'Çağrı', 'Şule', 'Oğuz', 'Ümit', 'Özlem', 'Hakan', 'Pınar',
]

export const SURNAMES = [
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Aydınlı', 'Öztürk', 'Arslan', 'Doğan', 'Koç', 'Mamedov', 'Aliyeva',
  'Beridze', 'Kapanadze', 'Serikbayeva', 'Seitkali', 'Hartmann', 'Kowalczyk', 'Mammadli', 'Rossi', 'Novak', 'Berg',
  'Ivanenko', 'Petrov', 'Schneider', 'Dubois', 'Haddad', 'Nazarov', 'Karimova', 'Erdem', 'Güneş', 'Uçar', 'Tekin',
  'Polat', 'Aksoy', 'Bozkurt', 'Kılıç', 'Özdemir', 'Yıldız', 'Acar', 'Karaca', 'Ekinci',
]

export const OUTLETS = [
  'Caspian Policy Review', 'Eurasia Logistics Quarterly', 'South Caucasus Economic Review', 'Central Asia Transport Monitor',
  'European Connectivity Watch', 'Black Sea Security Digest', 'Anatolian Economic Letters', 'Journal of Regional Energy',
  'Migration Policy Notes', 'Climate and Water Bulletin', 'Ankara Strategic Papers', 'Istanbul Trade Observer',
  'Baku Policy Brief', 'Tbilisi Governance Forum', 'Astana Development Papers', 'World Trade Review', 'Defence Studies Annual',
  'Digital Policy Quarterly', 'Agricultural Markets Outlook', 'Urban Futures Journal', 'Public Health Policy Review',
  'Media and Democracy Report', 'Elections Monitor', 'International Law Notes',
]

export const DOMAINS = [
  'caspianpolicyreview.example.org', 'elq.example.net', 'scer.example.ge', 'catm.example.org', 'ecwatch.example.eu',
  'bssd.example.com', 'ael.example.com.tr', 'jre.example.org', 'mpn.example.int', 'cwb.example.org', 'asp.example.org.tr',
  'ito.example.com', 'bpb.example.az', 'tgf.example.ge', 'adp.example.kz', 'wtr.example.org', 'dsa.example.net',
  'dpq.example.eu', 'amo.example.org', 'uf.example.org', 'phpr.example.org', 'mdr.example.org', 'em.example.org',
  'iln.example.org',
]
