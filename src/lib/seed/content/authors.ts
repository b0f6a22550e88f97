import type { SeedAuthor } from './types'

export const authors: SeedAuthor[] = [
  {
    key: 'kerem-aydinli',
    name: 'Kerem Aydınlı',
    slug: 'kerem-aydinli',
    role: {
      en: 'Senior Fellow, Caucasus and Black Sea Programme',
      tr: 'Kıdemli Araştırmacı, Kafkasya ve Karadeniz Programı',
    },
    bio: {
      en: "Kerem Aydınlı is a senior fellow in the Caucasus and Black Sea Programme, where he works on regional security, the Armenia–Azerbaijan normalisation process and maritime security in the Black Sea. Before joining the institute he spent eight years covering the South Caucasus from Tbilisi and Baku as a researcher and journalist. He holds a PhD in international relations and writes regularly on Türkiye's neighbourhood policy.",
      tr: "Kerem Aydınlı, Kafkasya ve Karadeniz Programı'nda kıdemli araştırmacıdır; bölgesel güvenlik, Ermenistan-Azerbaycan normalleşme süreci ve Karadeniz'de deniz güvenliği üzerine çalışmaktadır. Enstitüye katılmadan önce sekiz yıl boyunca Tiflis ve Bakü'den Güney Kafkasya'yı araştırmacı ve gazeteci olarak takip etti. Uluslararası ilişkiler alanında doktora derecesine sahiptir ve Türkiye'nin komşuluk politikası üzerine düzenli olarak yazmaktadır.",
    },
  },
  {
    key: 'dina-serikbayeva',
    name: 'Dina Serikbayeva',
    slug: 'dina-serikbayeva',
    role: {
      en: 'Fellow, Energy and Economy Programme',
      tr: 'Araştırmacı, Enerji ve Ekonomi Programı',
    },
    bio: {
      en: 'Dina Serikbayeva is a fellow in the Energy and Economy Programme, focusing on Central Asian energy markets, transport corridors and EU–Türkiye trade relations. She previously worked as an infrastructure finance economist in Almaty and Istanbul. Her current research examines how carbon pricing and new trade routes are reshaping the economies between the Caspian and the Black Sea.',
      tr: "Dina Serikbayeva, Enerji ve Ekonomi Programı'nda araştırmacıdır; Orta Asya enerji piyasaları, ulaştırma koridorları ve AB-Türkiye ticari ilişkileri üzerine çalışmaktadır. Daha önce Almatı ve İstanbul'da altyapı finansmanı alanında ekonomist olarak görev yaptı. Güncel araştırmaları, karbon fiyatlandırmasının ve yeni ticaret yollarının Hazar ile Karadeniz arasındaki ekonomileri nasıl yeniden şekillendirdiğini incelemektedir.",
    },
  },
]
